// family: xss
// verdict: safe
// why: Only a Guid and an enum's name, both bound from the route, are written into the page; neither can contain markup.
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.S21;

public enum OrderState
{
    Pending,
    Shipped,
    Delivered,
}

public static class OrderPages
{
    public static void MapOrderPage(this WebApplication app)
    {
        app.MapGet("/orders/{id:guid}/{state}", (Guid id, OrderState state) =>
        {
            string label = Enum.IsDefined(state) ? state.ToString() : "Unknown";
            return Results.Content($"<h1>Order {id:D}</h1><p>Status: {label}</p>", "text/html");
        });
    }
}
