namespace Bastion.Generators;

/// <summary>Names of the incremental steps, asserted by the incremental-caching tests.</summary>
internal static class TrackingNames
{
    public const string EndpointClasses = "Bastion.EndpointClasses";
    public const string EndpointModels = "Bastion.EndpointModels";
    public const string AllEndpointModels = "Bastion.AllEndpointModels";
    public const string ManifestRows = "Bastion.ManifestRows";
    public const string CommandMethods = "Bastion.CommandMethods";
    public const string CommandModels = "Bastion.CommandModels";
    public const string SqlMethods = "Bastion.SqlMethods";
    public const string SqlModels = "Bastion.SqlModels";
    public const string SqlRowReaders = "Bastion.SqlRowReaders";
    public const string CorsPolicies = "Bastion.CorsPolicies";
    public const string AssemblyHeaders = "Bastion.AssemblyHeaders";
    public const string BrowserPolicies = "Bastion.BrowserPolicies";
    public const string OptionsTypes = "Bastion.OptionsTypes";
    public const string OptionsModels = "Bastion.OptionsModels";
    public const string Registration = "Bastion.Registration";
}
