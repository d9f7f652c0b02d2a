using System;
using System.Threading.Tasks;
using Bastion.Csrf;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Bastion.Tests;

/// <summary>
/// CsrfCheck as a primitive: the tokenless checks decide without allocating (passes and refusals alike), and a check
/// that cannot work is refused when it is built, not when a request arrives. (Behaviour header by header is covered
/// over real HTTP by the integration tests' CsrfModeTests.)
/// </summary>
public sealed class CsrfCheckTests
{
    private static DefaultHttpContext Request(params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("api.example.com");
        foreach ((string name, string value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        return context;
    }

    /// <summary>The tokenless checks complete synchronously: no token to validate, nothing awaited.</summary>
    private static IResult? Decided(ValueTask<IResult?> decision)
        => decision.IsCompletedSuccessfully ? decision.Result : throw new Xunit.Sdk.XunitException("the tokenless check did not complete synchronously");

    [Fact]
    public void Tokenless_decisions_allocate_nothing_whether_they_pass_or_refuse()
    {
        var options = new BastionCsrfOptions();
        options.TrustedOrigins.Add("https://app.example.com");
        CsrfCheck check = CsrfCheck.Create(options, CsrfMode.Origin);
        DefaultHttpContext[] requests =
        [
            Request(("Sec-Fetch-Site", "same-origin")),
            Request(("Sec-Fetch-Site", "cross-site"), ("Origin", "https://app.example.com")),
            Request(("Origin", "https://api.example.com")),
            Request(("Referer", "https://api.example.com/page")),
            Request(),
            Request(("Sec-Fetch-Site", "cross-site"), ("Origin", "https://evil.example")),
            Request(("Origin", "null")),
            Request(("Origin", "https://api.example.com.evil.net")),
        ];
        bool?[] expected = [true, true, true, true, true, false, false, false];
        for (int i = 0; i < requests.Length; i++)
        {
            Assert.Equal(expected[i], Decided(check.CheckAsync(requests[i])) is null);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 0; round < 1000; round++)
        {
            foreach (DefaultHttpContext request in requests)
            {
                _ = Decided(check.CheckAsync(request));
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_refusal_names_the_check_and_is_a_403_problem()
    {
        CsrfCheck check = CsrfCheck.Create(new BastionCsrfOptions(), CsrfMode.Origin);
        var refusal = Assert.IsType<CsrfRefusal>(Decided(check.CheckAsync(Request(("Sec-Fetch-Site", "cross-site")))));
        Assert.Contains("cross-site", refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_that_cannot_work_is_refused_when_it_is_built()
    {
        Assert.Throws<ArgumentNullException>(() => CsrfCheck.Create(new BastionCsrfOptions(), CsrfMode.Token));
        Assert.Throws<ArgumentNullException>(() => CsrfCheck.Create(new BastionCsrfOptions(), CsrfMode.Hybrid));
        Assert.Throws<ArgumentOutOfRangeException>(() => CsrfCheck.Create(new BastionCsrfOptions(), (CsrfMode)3));
        var options = new BastionCsrfOptions();
        options.TrustedOrigins.Add("https://App.example.com/");
        var error = Assert.Throws<InvalidOperationException>(() => CsrfCheck.Create(options, CsrfMode.Origin));
        Assert.Contains("TrustedOrigins:0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Safe_methods_pass_without_looking_at_anything()
    {
        CsrfCheck check = CsrfCheck.Create(new BastionCsrfOptions { AllowMissingOriginHeaders = false }, CsrfMode.Origin);
        foreach (string method in new[] { "GET", "HEAD", "OPTIONS", "TRACE", "get" })
        {
            DefaultHttpContext request = Request(("Sec-Fetch-Site", "cross-site"), ("Origin", "null"));
            request.Request.Method = method;
            Assert.Null(Decided(check.CheckAsync(request)));
        }
    }
}
