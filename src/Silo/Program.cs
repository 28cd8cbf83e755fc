namespace Commerce.Silo;

public static class Program
{
    public static void Main() => throw new NotImplementedException();
}
