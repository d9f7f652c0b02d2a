using Bastion;

// The sample's Content-Security-Policy, checked by the compiler (BAS1510-BAS1514): only the app's own scripts,
// styles and images, no plugins, never framed; violations are reported to /bastion/csp-report and logged.
[assembly: SecurityHeaders(ContentSecurityPolicy = "default-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; report-uri /bastion/csp-report")]
