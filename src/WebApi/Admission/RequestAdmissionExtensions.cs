namespace Commerce.WebApi.Admission;

public static class RequestAdmissionExtensions
{
    public static IHostApplicationBuilder AddRequestAdmission(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestAdmissionOptions>()
            .Bind(builder.Configuration.GetSection(RequestAdmissionOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<RequestAdmission>();
        return builder;
    }

    public static IApplicationBuilder UseRequestAdmission(this IApplicationBuilder app)
    {
        var admission = app.ApplicationServices.GetRequiredService<RequestAdmission>();
        return app.Use((context, next) => admission.InvokeAsync(context, next));
    }
}
