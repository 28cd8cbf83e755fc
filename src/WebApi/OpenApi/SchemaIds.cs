using Commerce.WebApi.Carts;
using Commerce.WebApi.Categories;
using Commerce.WebApi.Orders;
using Commerce.WebApi.Paging;
using Commerce.WebApi.Products;
using Commerce.WebApi.Stock;

namespace Commerce.WebApi.OpenApi;

/// <summary>
/// Schema names as a client sees them: generators turn them into class names, so a product is <c>Product</c>
/// and a page of them <c>ProductPage</c>, not <c>ProductResponsePageResponse</c>.
/// </summary>
public static class SchemaIds
{
    public static string For(Type type) => type switch
    {
        _ when type == typeof(ProductResponse) => "Product",
        _ when type == typeof(CategoryResponse) => "Category",
        _ when type == typeof(StockResponse) => "Stock",
        _ when type == typeof(CartResponse) => "Cart",
        _ when type == typeof(CartItemResponse) => "CartItem",
        _ when type == typeof(OrderResponse) => "Order",
        _ when type == typeof(OrderItemResponse) => "OrderItem",
        { IsGenericType: true } when type.GetGenericTypeDefinition() == typeof(PageResponse<>) => For(type.GetGenericArguments()[0]) + "Page",
        _ => type.Name,
    };
}
