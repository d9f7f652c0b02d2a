using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bastion;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BastionApi;

/// <summary>What a client sends to create a to-do. Bastion checks the attributes before the handler runs.</summary>
public sealed record CreateTodo(
    [Required, StringLength(200), Sanitize] string Title,
    [Range(1, 5)] int? Priority);

/// <summary>What the API answers.</summary>
public sealed record Todo(int Id, string Title, int? Priority, bool Done);

/// <summary>
/// The API. The generator writes the endpoint code for every method here (binding, validation, sanitizing, the CSRF
/// check) with no reflection; read it in security-review/Generated after a build.
/// </summary>
[BastionEndpoints("/api/todos")]
public static partial class TodoEndpoints
{
    private static readonly ConcurrentDictionary<int, Todo> Todos = new();
    private static int s_lastId;

    [Get("/")]
    public static Ok<Todo[]> List() => TypedResults.Ok(Todos.Values.OrderBy(t => t.Id).ToArray());

    [Get("/{id:int}")]
    public static Results<Ok<Todo>, NotFound> Get(int id)
        => Todos.TryGetValue(id, out Todo? todo) ? TypedResults.Ok(todo) : TypedResults.NotFound();

    // Every state-changing endpoint says [CsrfProtected] or [CsrfExempt("why")]; the default check needs no token:
    // the browser's Sec-Fetch-Site and Origin headers tell a request from another site.
    [Post("/"), CsrfProtected]
    public static Created<Todo> Create(CreateTodo request)
    {
        var todo = new Todo(Interlocked.Increment(ref s_lastId), request.Title, request.Priority, Done: false);
        Todos[todo.Id] = todo;
        return TypedResults.Created($"/api/todos/{todo.Id}", todo);
    }

    [Post("/{id:int}/done"), CsrfProtected]
    public static Results<Ok<Todo>, NotFound> Complete(int id)
    {
        if (!Todos.TryGetValue(id, out Todo? todo))
        {
            return TypedResults.NotFound();
        }

        Todo done = todo with { Done = true };
        Todos[id] = done;
        return TypedResults.Ok(done);
    }

    [Delete("/{id:int}"), CsrfProtected]
    public static Results<NoContent, NotFound> Delete(int id)
        => Todos.TryRemove(id, out _) ? TypedResults.NoContent() : TypedResults.NotFound();
}

/// <summary>System.Text.Json metadata for every body and result type.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CreateTodo))]
[JsonSerializable(typeof(Todo))]
[JsonSerializable(typeof(Todo[]))]
internal sealed partial class AppJson : JsonSerializerContext;
