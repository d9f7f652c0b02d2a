using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.IntegrationTests;

/// <summary>An endpoint whose declared body cap is larger than the server-wide limit AddBastion sets (LimitsTests).</summary>
[BastionEndpoints("/limits"), CsrfExempt("server limit tests; CSRF has its own tests")]
public static partial class LimitEndpoints
{
    [Get("/ok")]
    public static Ok<int> Get() => TypedResults.Ok(1);

    [Post("/large", MaxRequestBodySize = 4 * 1024 * 1024)]
    public static Ok<int> Large(EchoRequest request) => TypedResults.Ok(request.Value.Length);
}
