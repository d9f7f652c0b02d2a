// family: cors
// verdict: safe
// why: The SignalR hub needs credentials and gets them only for the one exact front-end origin.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.S24;

public sealed class NotificationsHub : Hub;

public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSignalR();
        builder.Services.AddCors(o => o.AddPolicy("hub", p => p.WithOrigins("https://app.example.com").AllowCredentials().AllowAnyHeader().WithMethods("GET", "POST")));
        var app = builder.Build();
        app.UseCors();
        app.MapHub<NotificationsHub>("/hubs/notifications").RequireCors("hub");
        app.Run();
    }
}
