using System.Collections.Generic;

namespace Bastion.Analyzers.Tests.Regression;

/// <summary>Where a snippet goes: a controller action body, a minimal-API set-up body, or type members.</summary>
public enum SnippetPlace
{
    Action,
    Map,
    Members,
}

/// <summary>One corpus entry: the code, where it goes, and the one Bastion rule expected (null: none).</summary>
public sealed record Snippet(string Family, string Name, SnippetPlace Place, string Code, string? Expected)
{
    public override string ToString() => Family + ": " + Name;
}

/// <summary>
/// Vulnerable and safe snippets for the command and path families. Each is compiled on its own (see
/// <see cref="Wrap"/>) so Bastion's analyzers and SecurityCodeScan see exactly the same code; request
/// values arrive as controller-action parameters (<c>input</c>, <c>request</c>) or minimal-API lambda parameters.
/// </summary>
public static class OldCorpus
{
    public const string Command = "Command injection";
    public const string Path = "Path traversal";
    public const string Sql = "SQL injection";

    public static IReadOnlyList<Snippet> All { get; } =
    [
        // ---- command injection: vulnerable ----
        new(Command, "sh -c with concatenation", SnippetPlace.Action, """Process.Start("/bin/sh", "-c \"ping " + input + "\"");""", "BAS1301"),
        new(Command, "bash -c with interpolation", SnippetPlace.Action, """Process.Start("bash", $"-c \"ls {input}\"");""", "BAS1301"),
        new(Command, "cmd.exe /c", SnippetPlace.Action, """Process.Start("cmd.exe", "/c dir " + input);""", "BAS1301"),
        new(Command, "powershell -Command", SnippetPlace.Action, """Process.Start("powershell", "-Command " + input);""", "BAS1301"),
        new(Command, "ProcessStartInfo(shell, args)", SnippetPlace.Action, """var psi = new ProcessStartInfo("/bin/bash", "-c " + input); Process.Start(psi);""", "BAS1301"),
        new(Command, "initializer FileName shell + Arguments", SnippetPlace.Action, """Process.Start(new ProcessStartInfo { FileName = "/bin/sh", Arguments = "-c " + input });""", "BAS1301"),
        new(Command, "shell with the value in ArgumentList", SnippetPlace.Action, """var psi = new ProcessStartInfo("/bin/sh"); psi.ArgumentList.Add("-c"); psi.ArgumentList.Add(input); Process.Start(psi);""", "BAS1301"),
        new(Command, "python -c set by assignments", SnippetPlace.Action, """var psi = new ProcessStartInfo(); psi.FileName = "/usr/bin/python3"; psi.Arguments = "-c " + input; Process.Start(psi);""", "BAS1301"),
        new(Command, "env sh -c through an argument array", SnippetPlace.Action, """Process.Start("/usr/bin/env", new[] { "sh", "-c", input });""", "BAS1301"),
        new(Command, "perl -e through a list", SnippetPlace.Action, """Process.Start("/usr/bin/perl", new List<string> { "-e", input });""", "BAS1301"),
        new(Command, "shell fed from the environment", SnippetPlace.Action, """Process.Start("/bin/sh", "-c " + Environment.GetEnvironmentVariable("JOB"));""", "BAS1301"),
        new(Command, "cmd.exe by full path", SnippetPlace.Action, """Process.Start(new ProcessStartInfo(@"C:\Windows\System32\cmd.exe") { Arguments = "/c type " + input });""", "BAS1301"),
        new(Command, "UseShellExecute with a request file name", SnippetPlace.Action, """Process.Start(new ProcessStartInfo { FileName = input, UseShellExecute = true });""", "BAS1302"),
        new(Command, "UseShellExecute opening a request value", SnippetPlace.Action, """Process.Start(new ProcessStartInfo("xdg-open", input) { UseShellExecute = true });""", "BAS1302"),
        new(Command, "UseShellExecute then FileName assigned", SnippetPlace.Action, """var psi = new ProcessStartInfo { UseShellExecute = true }; psi.FileName = "https://example.com/?q=" + input; Process.Start(psi);""", "BAS1302"),
        new(Command, "UseShellExecute with the value as file", SnippetPlace.Action, """var psi = new ProcessStartInfo(input); psi.UseShellExecute = true; Process.Start(psi);""", "BAS1302"),
        new(Command, "ping with an argument string", SnippetPlace.Action, """Process.Start("/usr/bin/ping", "-c 1 " + input);""", "BAS1303"),
        new(Command, "git with interpolated arguments", SnippetPlace.Action, """Process.Start("/usr/bin/git", $"log {input}");""", "BAS1303"),
        new(Command, "tar argument string in the constructor", SnippetPlace.Action, """Process.Start(new ProcessStartInfo("/usr/bin/tar", "-xf " + input));""", "BAS1303"),
        new(Command, "Arguments is the raw value", SnippetPlace.Action, """Process.Start(new ProcessStartInfo { FileName = "/usr/bin/convert", Arguments = input });""", "BAS1303"),
        new(Command, "string.Format arguments assigned later", SnippetPlace.Action, """var psi = new ProcessStartInfo("/usr/bin/curl"); psi.Arguments = string.Format("-o out {0}", input); Process.Start(psi);""", "BAS1303"),
        new(Command, "arguments from a local", SnippetPlace.Action, """var args = "-n 5 " + input; Process.Start("/usr/bin/head", args);""", "BAS1303"),

        // ---- command injection: safe ----
        new(Command, "fixed program, no arguments", SnippetPlace.Action, """Process.Start("/usr/bin/uptime");""", null),
        new(Command, "shell with a constant command", SnippetPlace.Action, """Process.Start("/bin/sh", "-c \"uptime\"");""", null),
        new(Command, "shell with const concatenation", SnippetPlace.Action, """const string Cmd = "ls -la"; Process.Start("/bin/bash", "-c " + Cmd);""", null),
        new(Command, "argument array after --", SnippetPlace.Action, """Process.Start("/usr/bin/ping", new[] { "-c", "1", "--", input });""", null),
        new(Command, "ArgumentList one by one", SnippetPlace.Action, """var psi = new ProcessStartInfo("/usr/bin/ping"); psi.ArgumentList.Add("-c"); psi.ArgumentList.Add("1"); psi.ArgumentList.Add("--"); psi.ArgumentList.Add(input); Process.Start(psi);""", null),
        new(Command, "ArgumentList collection initializer", SnippetPlace.Action, """Process.Start(new ProcessStartInfo("/usr/bin/git") { ArgumentList = { "log", "--", input } });""", null),
        new(Command, "UseShellExecute false", SnippetPlace.Action, """Process.Start(new ProcessStartInfo { FileName = "/usr/bin/uptime", UseShellExecute = false });""", null),
        new(Command, "UseShellExecute with a constant URL", SnippetPlace.Action, """Process.Start(new ProcessStartInfo("https://bastion.example/docs") { UseShellExecute = true });""", null),
        new(Command, "constant argument string", SnippetPlace.Action, """Process.Start("/usr/bin/date", "+%Y-%m-%d");""", null),
        new(Command, "interpolation of constants", SnippetPlace.Action, """const string Archive = "backup.tgz"; Process.Start("/usr/bin/tar", $"-czf {Archive} data");""", null),
        new(Command, "raw string literal", SnippetPlace.Action, """"Process.Start("/usr/bin/ls", """-la /srv""");"""", null),
        new(Command, "shell with constant ArgumentList", SnippetPlace.Action, """var psi = new ProcessStartInfo("/bin/sh"); psi.ArgumentList.Add("-c"); psi.ArgumentList.Add("uptime"); Process.Start(psi);""", null),
        new(Command, "start info without arguments", SnippetPlace.Action, """Process.Start(new ProcessStartInfo("/usr/bin/id"));""", null),
        new(Command, "empty argument list", SnippetPlace.Action, """Process.Start("/usr/bin/nproc", Array.Empty<string>());""", null),
        new(Command, "const program name", SnippetPlace.Action, """const string Tool = "/usr/bin/whoami"; Process.Start(Tool);""", null),
        new(Command, "nameof argument", SnippetPlace.Action, """Process.Start("/usr/bin/echo", nameof(Run));""", null),
        new(Command, "ArgumentList initializer of constants", SnippetPlace.Action, """Process.Start(new ProcessStartInfo { FileName = "/usr/bin/ping", ArgumentList = { "-c", "1", "localhost" } });""", null),
        new(Command, "grep -F -- with a trimmed value", SnippetPlace.Action, """var psi = new ProcessStartInfo("/usr/bin/grep"); psi.ArgumentList.Add("-F"); psi.ArgumentList.Add("--"); psi.ArgumentList.Add(input.Trim()); Process.Start(psi);""", null),
        new(Command, "target-typed start info with ArgumentList", SnippetPlace.Action, """ProcessStartInfo psi = new("/usr/bin/stat") { ArgumentList = { "--", input } }; Process.Start(psi);""", null),
        new(Command, "constant sleep", SnippetPlace.Action, """Process.Start("/usr/bin/sleep", "1");""", null),

        // ---- SQL injection: vulnerable ----
        new(Sql, "Dapper Query with interpolation in quotes", SnippetPlace.Action, """conn.Query<Row>($"SELECT id, name FROM users WHERE name = '{input}'");""", "BAS1410"),
        new(Sql, "Dapper Query with concatenation", SnippetPlace.Action, """conn.Query<Row>("SELECT id, name FROM users WHERE name = '" + input + "'");""", "BAS1410"),
        new(Sql, "Dapper Execute with string.Format", SnippetPlace.Action, """conn.Execute(string.Format("DELETE FROM users WHERE id = {0}", input));""", "BAS1410"),
        new(Sql, "ExecuteAsync with interpolation", SnippetPlace.Action, """conn.ExecuteAsync($"UPDATE users SET name = '{input}' WHERE id = 1");""", "BAS1410"),
        new(Sql, "SQL built in a local first", SnippetPlace.Action, """var sql = "SELECT id, name FROM users WHERE name = '" + input + "'"; conn.QueryAsync<Row>(sql);""", "BAS1410"),
        new(Sql, "StringBuilder appends", SnippetPlace.Action, """var sb = new StringBuilder(); sb.Append("SELECT id, name FROM users WHERE name = '"); sb.Append(input); sb.Append("'"); conn.Query<Row>(sb.ToString());""", "BAS1410"),
        new(Sql, "chained StringBuilder", SnippetPlace.Action, """var sb = new StringBuilder("SELECT id, name FROM users WHERE name = '").Append(input).Append('\''); conn.Query<Row>(sb.ToString());""", "BAS1410"),
        new(Sql, "CommandText concatenation", SnippetPlace.Action, """using var cmd = conn.CreateCommand(); cmd.CommandText = "SELECT id FROM users WHERE name = '" + input + "'";""", "BAS1410"),
        new(Sql, "new SqlCommand with concatenation", SnippetPlace.Action, """using var cmd = new SqlCommand("SELECT id FROM users WHERE name = '" + input + "'");""", "BAS1410"),
        new(Sql, "new NpgsqlCommand with interpolation", SnippetPlace.Action, """using var cmd = new NpgsqlCommand($"SELECT id FROM users WHERE name = '{input}'");""", "BAS1410"),
        new(Sql, "new SqliteCommand with concatenation", SnippetPlace.Action, """using var cmd = new SqliteCommand("DELETE FROM users WHERE name = '" + input + "'", conn);""", "BAS1410"),
        new(Sql, "Dapper CommandDefinition", SnippetPlace.Action, """conn.Query<Row>(new CommandDefinition($"SELECT id, name FROM users WHERE name = '{input}'"));""", "BAS1410"),
        new(Sql, "CommandText from string.Concat", SnippetPlace.Action, """using var cmd = conn.CreateCommand(); cmd.CommandText = string.Concat("SELECT id FROM users WHERE name = '", input, "'");""", "BAS1410"),
        new(Sql, "CommandText appended with +=", SnippetPlace.Action, """using var cmd = conn.CreateCommand(); cmd.CommandText = "SELECT id FROM users"; cmd.CommandText += " WHERE name = '" + input + "'";""", "BAS1410"),
        new(Sql, "table name from input", SnippetPlace.Action, """conn.ExecuteScalar<long>($"SELECT count(*) FROM {input}");""", "BAS1410"),
        new(Sql, "ORDER BY from input", SnippetPlace.Action, """conn.QuerySingle<Row>("SELECT id, name FROM users ORDER BY " + input);""", "BAS1410"),
        new(Sql, "QueryMultiple", SnippetPlace.Action, """conn.QueryMultiple($"SELECT id FROM users WHERE name = '{input}'; SELECT 1");""", "BAS1410"),
        new(Sql, "ExecuteReader", SnippetPlace.Action, """conn.ExecuteReader("SELECT id FROM users WHERE name = '" + input + "'");""", "BAS1410"),
        new(Sql, "string.Join", SnippetPlace.Action, """conn.Execute(string.Join(" ", "DELETE FROM users WHERE name =", input));""", "BAS1410"),
        new(Sql, "WHERE clause built separately", SnippetPlace.Action, """var where = $"name = '{input}'"; conn.Query<Row>("SELECT id, name FROM users WHERE " + where);""", "BAS1410"),
        new(Sql, "body member in interpolation", SnippetPlace.Action, """conn.Execute($"INSERT INTO files(name) VALUES ('{request.FileName}')");""", "BAS1410"),
        new(Sql, "minimal API lambda", SnippetPlace.Map, """app.MapGet("/u", (string name, SqliteConnection db) => db.Query<Row>($"SELECT id, name FROM users WHERE name = '{name}'"));""", "BAS1410"),
        new(Sql, "conditional with one built branch", SnippetPlace.Action, """conn.Query<Row>(flag ? "SELECT id, name FROM users" : "SELECT id, name FROM users WHERE name = '" + input + "'");""", "BAS1410"),
        new(Sql, "command initializer", SnippetPlace.Action, """using var cmd = new SqliteCommand { CommandText = "SELECT id FROM users WHERE name = '" + input + "'" };""", "BAS1410"),
        new(Sql, "string.Format with two values", SnippetPlace.Action, """conn.Execute(string.Format("UPDATE users SET name = '{0}' WHERE id = {1}", input, number));""", "BAS1410"),
        new(Sql, "AppendFormat", SnippetPlace.Action, """var sb = new StringBuilder(); sb.AppendFormat("DELETE FROM users WHERE name = '{0}'", input); conn.Execute(sb.ToString());""", "BAS1410"),
        new(Sql, "value from the environment", SnippetPlace.Action, """conn.Execute("DROP TABLE " + Environment.GetEnvironmentVariable("TABLE"));""", "BAS1410"),
        new(Sql, "upper-cased input", SnippetPlace.Action, """conn.Query<Row>($"SELECT id, name FROM users WHERE name = '{input.ToUpperInvariant()}'");""", "BAS1410"),
        new(Sql, "verbatim interpolated string", SnippetPlace.Action, """conn.QueryFirst<Row>(@$"SELECT id, name FROM users WHERE name = '{input}'");""", "BAS1410"),
        new(Sql, "local reassigned with a built string", SnippetPlace.Action, """string sql = "SELECT id, name FROM users"; sql = sql + " WHERE name = '" + input + "'"; conn.Query<Row>(sql);""", "BAS1410"),

        // ---- SQL injection: safe ----
        new(Sql, "Dapper with an anonymous parameter object", SnippetPlace.Action, """conn.Query<Row>("SELECT id, name FROM users WHERE name = @name", new { name = input });""", null),
        new(Sql, "const SQL", SnippetPlace.Action, """const string Select = "SELECT id, name FROM users WHERE name = @input"; conn.Query<Row>(Select, new { input });""", null),
        new(Sql, "const concatenation", SnippetPlace.Action, """conn.Query<Row>("SELECT id, name FROM users" + " WHERE id = @id", new { id = number });""", null),
        new(Sql, "constant interpolation", SnippetPlace.Action, """const string Table = "users"; conn.Query<Row>($"SELECT id, name FROM {Table} WHERE id = @id", new { id = number });""", null),
        new(Sql, "raw string literal without holes", SnippetPlace.Action, """"conn.Query<Row>("""SELECT id, name FROM users WHERE name = @name""", new { name = input });"""", null),
        new(Sql, "ADO.NET parameters", SnippetPlace.Action, """using var cmd = new SqlCommand("SELECT id FROM users WHERE name = @name"); cmd.Parameters.AddWithValue("@name", input);""", null),
        new(Sql, "CommandText constant with a parameter", SnippetPlace.Action, """using var cmd = conn.CreateCommand(); cmd.CommandText = "SELECT id FROM users WHERE name = $name"; cmd.Parameters.AddWithValue("$name", input);""", null),
        new(Sql, "NpgsqlCommand constant", SnippetPlace.Action, """using var cmd = new NpgsqlCommand("SELECT id FROM users WHERE name = @p"); cmd.Parameters.AddWithValue("p", input);""", null),
        new(Sql, "local with a constant value", SnippetPlace.Action, """var sql = "SELECT id, name FROM users WHERE name = @input"; conn.Query<Row>(sql, new { input });""", null),
        new(Sql, "choice between constants", SnippetPlace.Action, """string sql = flag ? "SELECT id, name FROM users ORDER BY id" : "SELECT id, name FROM users ORDER BY name"; conn.Query<Row>(sql);""", null),
        new(Sql, "StringBuilder of constants", SnippetPlace.Action, """var sb = new StringBuilder(); sb.Append("SELECT id, name "); sb.Append("FROM users WHERE id = @id"); conn.Query<Row>(sb.ToString(), new { id = number });""", null),
        new(Sql, "Execute with parameters", SnippetPlace.Action, """conn.Execute("DELETE FROM users WHERE id = @id", new { id = number });""", null),
        new(Sql, "CommandDefinition constant", SnippetPlace.Action, """conn.Query<Row>(new CommandDefinition("SELECT id, name FROM users WHERE id = @id", new { id = number }));""", null),
        new(Sql, "IN list through Dapper", SnippetPlace.Action, """conn.Query<Row>("SELECT id, name FROM users WHERE id IN @ids", new { ids = new[] { number } });""", null),
        new(Sql, "static readonly SQL", SnippetPlace.Members, """private static readonly string SelectAll = "SELECT id, name FROM users"; public IActionResult All([FromServices] SqliteConnection conn) { conn.Query<Row>(SelectAll); return Ok(); }""", null),
        new(Sql, "const from another class", SnippetPlace.Action, """conn.Query<Row>(Queries.ById, new { id = number });""", null),
        new(Sql, "nameof in a placeholder", SnippetPlace.Action, """conn.Query<Row>($"SELECT id, name FROM users WHERE id = @{nameof(number)}", new { number });""", null),
        new(Sql, "constant CommandText", SnippetPlace.Action, """using var cmd = conn.CreateCommand(); cmd.CommandText = "SELECT count(*) FROM users";""", null),
        new(Sql, "switch to constant statements", SnippetPlace.Action, """string sql = input switch { "name" => "SELECT id, name FROM users ORDER BY name", _ => "SELECT id, name FROM users ORDER BY id" }; conn.Query<Row>(sql);""", null),
        new(Sql, "command initializer constant", SnippetPlace.Action, """using var cmd = new SqliteCommand { CommandText = "SELECT 1" };""", null),
        new(Sql, "Dapper DynamicParameters", SnippetPlace.Action, """var p = new DynamicParameters(); p.Add("name", input); conn.Query<Row>("SELECT id, name FROM users WHERE name = @name", p);""", null),
        new(Sql, "scalar without input", SnippetPlace.Action, """conn.ExecuteScalar<long>("SELECT count(*) FROM users");""", null),
        new(Sql, "insert with parameters", SnippetPlace.Action, """conn.Execute("INSERT INTO log(message) VALUES (@input)", new { input });""", null),
        new(Sql, "minimal API with parameters", SnippetPlace.Map, """app.MapGet("/u", (string name, SqliteConnection db) => db.Query<Row>("SELECT id, name FROM users WHERE name = @name", new { name }));""", null),
        new(Sql, "const built from consts", SnippetPlace.Action, """const string Columns = "SELECT id, name "; const string All = Columns + "FROM users"; conn.Query<Row>(All);""", null),
        new(Sql, "string.Concat of constants", SnippetPlace.Action, """conn.Query<Row>(string.Concat("SELECT id, name ", "FROM users"));""", null),
        new(Sql, "compound assignment of a constant", SnippetPlace.Action, """string sql = "SELECT id, name FROM users"; sql += " WHERE id = @id"; conn.Query<Row>(sql, new { id = number });""", null),
        new(Sql, "string.Format of constants", SnippetPlace.Action, """conn.Query<Row>(string.Format("SELECT {0} FROM users", "id, name"));""", null),
        new(Sql, "named Dapper arguments", SnippetPlace.Action, """conn.Query<Row>(sql: "SELECT id, name FROM users WHERE id = @id", param: new { id = number });""", null),
        new(Sql, "SqlCommand initializer constant", SnippetPlace.Action, """using var cmd = new SqlCommand { CommandText = "SELECT 1" };""", null),

        // ---- path traversal: vulnerable ----
        new(Path, "File.ReadAllText(input)", SnippetPlace.Action, """System.IO.File.ReadAllText(input);""", "BAS1304"),
        new(Path, "Path.Combine with a root", SnippetPlace.Action, """System.IO.File.ReadAllBytes(System.IO.Path.Combine("/srv/uploads", input));""", "BAS1304"),
        new(Path, "Path.Join with a root", SnippetPlace.Action, """var full = System.IO.Path.Join(Root, input); System.IO.File.OpenRead(full).Dispose();""", "BAS1304"),
        new(Path, "Path.GetFullPath", SnippetPlace.Action, """var full = System.IO.Path.GetFullPath(input);""", "BAS1304"),
        new(Path, "File.Delete of a concatenation", SnippetPlace.Action, """System.IO.File.Delete("/srv/uploads/" + input);""", "BAS1304"),
        new(Path, "Directory.GetFiles", SnippetPlace.Action, """System.IO.Directory.GetFiles(input);""", "BAS1304"),
        new(Path, "Directory.CreateDirectory with interpolation", SnippetPlace.Action, """System.IO.Directory.CreateDirectory($"/srv/{input}");""", "BAS1304"),
        new(Path, "new FileStream", SnippetPlace.Action, """using var stream = new System.IO.FileStream(input, System.IO.FileMode.Open);""", "BAS1304"),
        new(Path, "new FileInfo", SnippetPlace.Action, """var info = new System.IO.FileInfo(input);""", "BAS1304"),
        new(Path, "new StreamReader", SnippetPlace.Action, """using var reader = new System.IO.StreamReader(input);""", "BAS1304"),
        new(Path, "new StreamWriter under /tmp", SnippetPlace.Action, """using var writer = new System.IO.StreamWriter("/tmp/" + input);""", "BAS1304"),
        new(Path, "body member as a file name", SnippetPlace.Action, """System.IO.File.WriteAllText(request.FileName, "x");""", "BAS1304"),
        new(Path, "trimmed value in a local", SnippetPlace.Action, """var name = input.Trim(); System.IO.File.OpenRead(name).Dispose();""", "BAS1304"),
        new(Path, "through two locals", SnippetPlace.Action, """var full = "/srv/" + input; var again = full; System.IO.File.Exists(again);""", "BAS1304"),
        new(Path, "Path.GetFileName keeps '..'", SnippetPlace.Action, """System.IO.File.ReadAllText(System.IO.Path.Combine("/srv/uploads", System.IO.Path.GetFileName(input)));""", "BAS1304"),
        new(Path, "controller PhysicalFile", SnippetPlace.Members, """public IActionResult Download(string name) => PhysicalFile(name, "application/octet-stream");""", "BAS1304"),
        new(Path, "minimal API Results.File", SnippetPlace.Map, """app.MapGet("/f/{name}", (string name) => Results.File(name));""", "BAS1304"),
        new(Path, "minimal API PhysicalFile with Combine", SnippetPlace.Map, """app.MapGet("/f/{name}", (string name) => TypedResults.PhysicalFile(System.IO.Path.Combine("/srv", name)));""", "BAS1304"),
        new(Path, "minimal API body member", SnippetPlace.Map, """app.MapPost("/f", (UploadRequest r) => System.IO.File.WriteAllText(System.IO.Path.Join("/srv", r.FileName), r.Content));""", "BAS1304"),
        new(Path, "minimal API query directory", SnippetPlace.Map, """app.MapGet("/d", ([FromQuery] string dir) => System.IO.Directory.EnumerateFiles(dir));""", "BAS1304"),
        new(Path, "minimal API delete block body", SnippetPlace.Map, """app.MapDelete("/f/{*path}", (string path) => { System.IO.File.Delete(path); return Results.NoContent(); });""", "BAS1304"),
        new(Path, "Bastion endpoint with a plain string", SnippetPlace.Members, """[Get("/x/{name}")] public static string Read(string name) => System.IO.File.ReadAllText(name);""", "BAS1304"),
        new(Path, "minimal API string array", SnippetPlace.Map, """app.MapGet("/f", (string[] names) => System.IO.File.ReadAllText(names[0]));""", "BAS1304"),

        // ---- path traversal: safe ----
        new(Path, "constant path", SnippetPlace.Action, """System.IO.File.ReadAllText("/srv/uploads/readme.txt");""", null),
        new(Path, "SafePathResolver first", SnippetPlace.Action, """var result = Resolver.Resolve(input); if (result.Succeeded) { System.IO.File.ReadAllText(result.Path.FullPath); }""", null),
        new(Path, "Bastion [SafePath] parameter", SnippetPlace.Members, """[Get("/y/{*name}")] public static string Get([SafePath(Root = "Uploads:Root")] SafeFilePath name) => System.IO.File.ReadAllText(name.FullPath);""", null),
        new(Path, "integer id in the name", SnippetPlace.Map, """app.MapGet("/r/{id:int}", (int id) => System.IO.File.ReadAllText($"/srv/report-{id}.txt"));""", null),
        new(Path, "Guid id in the name", SnippetPlace.Map, """app.MapGet("/g/{id:guid}", (Guid id) => System.IO.File.ReadAllText(System.IO.Path.Combine("/srv", id.ToString("N"))));""", null),
        new(Path, "constant file under a field root", SnippetPlace.Action, """System.IO.File.ReadAllText(System.IO.Path.Combine(Root, "fixed.txt"));""", null),
        new(Path, "library method, not a handler", SnippetPlace.Members, """public static class Library { public static string Load(string name) => System.IO.File.ReadAllText(name); }""", null),
        new(Path, "private helper of a controller", SnippetPlace.Members, """private string Load(string p) => System.IO.File.ReadAllText(p);""", null),
        new(Path, "service from DI", SnippetPlace.Map, """app.MapGet("/h", ([FromServices] PathConfig config) => System.IO.File.ReadAllText(config.Root));""", null),
        new(Path, "no request input", SnippetPlace.Map, """app.MapGet("/host", () => System.IO.File.ReadAllText("/etc/hostname"));""", null),
        new(Path, "allow-list lookup", SnippetPlace.Action, """var map = new Dictionary<string, string> { ["a"] = "/srv/a.txt" }; if (map.TryGetValue(input, out var file)) { System.IO.File.ReadAllText(file); }""", null),
        new(Path, "switch to constant paths", SnippetPlace.Action, """string file = input switch { "a" => "/srv/a.txt", _ => "/srv/default.txt" }; System.IO.File.ReadAllText(file);""", null),
        new(Path, "request value as file contents", SnippetPlace.Action, """System.IO.File.WriteAllText("/srv/log.txt", input);""", null),
        new(Path, "request value as download name", SnippetPlace.Map, """app.MapGet("/dl", (string name) => Results.File(System.IO.Path.Combine("/srv", "static.bin"), "application/octet-stream", name));""", null),
        new(Path, "constant directory listing", SnippetPlace.Action, """System.IO.Directory.GetFiles("/srv/uploads");""", null),
        new(Path, "constant FileInfo", SnippetPlace.Action, """var info = new System.IO.FileInfo("/srv/data.json");""", null),
        new(Path, "server-chosen name for an upload", SnippetPlace.Map, """app.MapPost("/up", (UploadRequest r) => System.IO.File.WriteAllBytes(System.IO.Path.Combine("/srv", Guid.NewGuid().ToString("N")), r.Bytes));""", null),
        new(Path, "length of the value only", SnippetPlace.Action, """System.IO.File.ReadAllText("/srv/" + input.Length);""", null),
        new(Path, "integer parameter of an action", SnippetPlace.Action, """System.IO.File.ReadAllText("/srv/page-" + number + ".html");""", null),
        new(Path, "content root from the environment service", SnippetPlace.Map, """app.MapGet("/cr", ([FromServices] IWebHostEnvironment env) => System.IO.File.ReadAllText(System.IO.Path.Combine(env.ContentRootPath, "about.txt")));""", null),
    ];

    /// <summary>The snippet as a complete compilation unit.</summary>
    public static string Wrap(Snippet snippet)
    {
        string action = snippet.Place == SnippetPlace.Action ? snippet.Code : string.Empty;
        string map = snippet.Place == SnippetPlace.Map ? snippet.Code : string.Empty;
        string members = snippet.Place == SnippetPlace.Members ? snippet.Code : string.Empty;
        bool topLevelType = snippet.Place == SnippetPlace.Members && snippet.Code.StartsWith("public static class", System.StringComparison.Ordinal);
        bool endpoint = snippet.Place == SnippetPlace.Members && snippet.Code.StartsWith("[Get", System.StringComparison.Ordinal);
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.Text;
            using Bastion;
            using Bastion.Paths;
            using Dapper;
            using Microsoft.Data.SqlClient;
            using Microsoft.Data.Sqlite;
            using Npgsql;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            namespace Corpus;

            public sealed record UploadRequest(string FileName, string Content, byte[] Bytes);
            public sealed class PathConfig { public string Root { get; set; } = "/srv"; }
            public sealed record Row(long Id, string Name);
            public static class Queries { public const string ById = "SELECT id, name FROM users WHERE id = @id"; }

            public sealed class SnippetController : ControllerBase
            {
                public SafePathResolver Resolver { get; } = new("/srv");
                public string Root { get; } = "/srv";

                public IActionResult Run(string input, int number, bool flag, UploadRequest request, [FromServices] SqliteConnection conn)
                {
                    {{action}}
                    return Ok();
                }

                {{(topLevelType || endpoint ? string.Empty : members)}}
            }

            public static class Startup
            {
                public static void Configure(WebApplication app)
                {
                    {{map}}
                }
            }

            {{(endpoint ? "[BastionEndpoints] public static partial class SnippetEndpoints { " + members + " }" : string.Empty)}}
            {{(topLevelType ? members : string.Empty)}}
            """;
    }
}
