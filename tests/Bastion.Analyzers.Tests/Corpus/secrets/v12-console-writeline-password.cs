// family: secrets
// verdict: vulnerable
// sink-line: 17
// why: The start-up code prints the configured database password to the console, which ends up in container logs.
using System;
using Microsoft.AspNetCore.Builder;

namespace Corpus.Secrets.V12;

public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        string host = builder.Configuration["Database:Host"] ?? "localhost";
        string password = builder.Configuration["Database:Password"] ?? "";
        Console.WriteLine($"Database host={host} password={password}");
        var app = builder.Build();
        app.MapGet("/", () => "ok");
        app.Run();
    }
}
