using System.Linq;
using Bastion.Sql;
using CsCheck;
using Xunit;

namespace Bastion.Tests;

/// <summary>
/// Generated readers match columns to members with <see cref="SqlRuntime.ColumnMatches"/>; its ASCII fast path must
/// agree with the plain rule (underscores ignored, then an invariant case-insensitive comparison).
/// </summary>
public sealed class SqlColumnMatchTests
{
    // Letters around the ASCII case bit ('@' and '`', '[' and '{'), underscores, digits and non-ASCII letters.
    private static readonly Gen<string> Names = Gen.String[Gen.Char["aAzZ_09@`[{\u00E9\u00C9\u0131Iiß"], 0, 8];

    [Theory]
    [InlineData("created_at", "CreatedAt", true)]
    [InlineData("id", "Id", true)]
    [InlineData("ID", "id", true)]
    [InlineData("__author__name", "AuthorName", true)]
    [InlineData("author", "AuthorName", false)]
    [InlineData("@", "`", false)]
    [InlineData("[", "{", false)]
    [InlineData("\u00E9t\u00E9", "\u00C9T\u00C9", true)]
    public void Names_match_ignoring_case_and_underscores(string column, string member, bool expected)
        => Assert.Equal(expected, SqlRuntime.ColumnMatches(column, member));

    [Fact]
    public void The_fast_path_agrees_with_the_plain_rule()
        => Gen.Select(Names, Names).Sample((column, member) =>
            Assert.Equal(Plain(column) == Plain(member), SqlRuntime.ColumnMatches(column, member)), iter: 20000);

    private static string Plain(string name) => new(name.Where(c => c != '_').Select(char.ToUpperInvariant).ToArray());
}
