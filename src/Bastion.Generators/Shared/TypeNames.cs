namespace Bastion.Generators.Shared;

/// <summary>Fully qualified names of the framework and Bastion types the parsers recognise.</summary>
internal static class TypeNames
{
    public const string BastionEndpointsAttribute = "Bastion.BastionEndpointsAttribute";
    public const string HttpEndpointAttribute = "global::Bastion.HttpEndpointAttribute";
    public const string SanitizeAttribute = "global::Bastion.SanitizeAttribute";
    public const string SafePathAttribute = "global::Bastion.SafePathAttribute";
    public const string SafeFilePath = "global::Bastion.Paths.SafeFilePath";
    public const string SafeCommandAttribute = "Bastion.SafeCommandAttribute";
    public const string SqlAttribute = "Bastion.SqlAttribute";
    public const string CorsPolicyAttribute = "Bastion.CorsPolicyAttribute";
    public const string CorsAttribute = "Bastion.CorsAttribute";
    public const string SecurityHeadersAttribute = "Bastion.SecurityHeadersAttribute";
    public const string BastionOptionsAttribute = "Bastion.BastionOptionsAttribute";
    public const string SecretAttribute = "Bastion.SecretAttribute";
    public const string CommandArgAttribute = "global::Bastion.CommandArgAttribute";
    public const string FormLimitsAttribute = "global::Bastion.FormLimitsAttribute";
    public const string SafeFormFile = "global::Bastion.Forms.SafeFormFile";

    public const string HttpContext = "global::Microsoft.AspNetCore.Http.HttpContext";
    public const string HttpRequest = "global::Microsoft.AspNetCore.Http.HttpRequest";
    public const string HttpResponse = "global::Microsoft.AspNetCore.Http.HttpResponse";
    public const string IResult = "global::Microsoft.AspNetCore.Http.IResult";
    public const string IFormFile = "global::Microsoft.AspNetCore.Http.IFormFile";
    public const string IFormFileCollection = "global::Microsoft.AspNetCore.Http.IFormFileCollection";
    public const string IFormCollection = "global::Microsoft.AspNetCore.Http.IFormCollection";
    public const string IEndpointMetadataProvider = "global::Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string ClaimsPrincipal = "global::System.Security.Claims.ClaimsPrincipal";
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string ValueTask = "global::System.Threading.Tasks.ValueTask";
    public const string IParsable = "global::System.IParsable<TSelf>";

    public const string FromRoute = "global::Microsoft.AspNetCore.Mvc.FromRouteAttribute";
    public const string FromQuery = "global::Microsoft.AspNetCore.Mvc.FromQueryAttribute";
    public const string FromHeader = "global::Microsoft.AspNetCore.Mvc.FromHeaderAttribute";
    public const string FromBody = "global::Microsoft.AspNetCore.Mvc.FromBodyAttribute";
    public const string FromServices = "global::Microsoft.AspNetCore.Mvc.FromServicesAttribute";
    public const string FromForm = "global::Microsoft.AspNetCore.Mvc.FromFormAttribute";
    public const string RequestFormLimits = "global::Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute";
    public const string JsonPropertyName = "global::System.Text.Json.Serialization.JsonPropertyNameAttribute";

    public const string DataAnnotations = "global::System.ComponentModel.DataAnnotations.";
}
