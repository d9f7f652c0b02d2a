using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Bastion.Forms;
using Bastion.Paths;
using Bastion.Testing;
using Bastion.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Xunit;

namespace Bastion.Tests;

/// <summary>Binding one field: duplicates, missing and empty values, parsing, and upload names through the path guard.</summary>
public sealed class FormFieldsTests : IDisposable
{
    private enum Mood { Calm, Angry }

    private readonly string _root = Directory.CreateTempSubdirectory("bastion-uploads-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static FormCollection Form(params (string Name, string[] Values)[] fields)
        => new(fields.ToDictionary(f => f.Name, f => new StringValues(f.Values), StringComparer.OrdinalIgnoreCase));

    private static Dictionary<string, string[]> Errors(ValidationCollector errors) => errors.ToDictionary();

    [Fact]
    public void A_field_sent_twice_is_an_error_naming_it_and_neither_copy_is_used()
    {
        var errors = new ValidationCollector();
        Assert.Null(FormFields.RequiredText(Form(("content", ["a", "b"])), "content", ref errors));
        Assert.Null(FormFields.Optional<int>(Form(("rating", ["1", "2"])), "rating", ref errors));
        Assert.Equal(["The form field 'content' was sent more than once."], Errors(errors)["content"]);
        Assert.Equal(["The form field 'rating' was sent more than once."], Errors(errors)["rating"]);
    }

    [Fact]
    public void Text_is_kept_as_sent_and_only_a_missing_field_is_missing()
    {
        var errors = new ValidationCollector();
        Assert.Equal(string.Empty, FormFields.RequiredText(Form(("content", [""])), "content", ref errors));
        Assert.Null(FormFields.OptionalText(Form(), "content", ref errors));
        Assert.False(errors.HasErrors);
        Assert.Null(FormFields.RequiredText(Form(), "content", ref errors));
        Assert.Equal(["The form field 'content' is required."], Errors(errors)["content"]);
    }

    [Fact]
    public void For_every_other_type_an_empty_value_is_missing()
    {
        var errors = new ValidationCollector();
        Assert.Null(FormFields.Optional<int>(Form(("rating", [""])), "rating", ref errors));
        Assert.Null(FormFields.OptionalEnum<Mood>(Form(("mood", [""])), "mood", ref errors));
        Assert.False(errors.HasErrors);
        Assert.Equal(0, FormFields.Required<int>(Form(("rating", [""])), "rating", ref errors));
        Assert.Equal(["The form field 'rating' is required."], Errors(errors)["rating"]);
    }

    [Theory]
    [InlineData("42", 42)]
    [InlineData("-7", -7)]
    [InlineData("4.5", null)]
    [InlineData("1,000", null)]
    [InlineData("٤٢", null)]
    [InlineData(" 42 ", 42)]
    public void Numbers_parse_with_the_invariant_culture(string text, int? expected)
    {
        var errors = new ValidationCollector();
        Assert.Equal(expected, FormFields.Optional<int>(Form(("n", [text])), "n", ref errors));
        Assert.Equal(expected is null, errors.HasErrors);
    }

    [Fact]
    public void Dates_and_guids_parse_as_html_inputs_send_them()
    {
        var errors = new ValidationCollector();
        Assert.Equal(new DateOnly(2024, 5, 1), FormFields.Required<DateOnly>(Form(("d", ["2024-05-01"])), "d", ref errors));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 13, 45, 0, TimeSpan.Zero), FormFields.Required<DateTimeOffset>(Form(("t", ["2024-05-01T13:45:00Z"])), "t", ref errors));
        Guid id = Guid.NewGuid();
        Assert.Equal(id, FormFields.Required<Guid>(Form(("g", [id.ToString()])), "g", ref errors));
        Assert.False(errors.HasErrors);
    }

    [Theory]
    [InlineData("angry", true)]
    [InlineData("Calm", true)]
    [InlineData("1", false)]
    [InlineData("Calm,Angry", false)]
    [InlineData("Furious", false)]
    public void Enums_bind_by_defined_name_only(string text, bool ok)
    {
        var errors = new ValidationCollector();
        FormFields.OptionalEnum<Mood>(Form(("mood", [text])), "mood", ref errors);
        Assert.Equal(!ok, errors.HasErrors);
        if (!ok)
        {
            Assert.Equal(["The form field 'mood' is not one of the accepted values."], Errors(errors)["mood"]);
        }
    }

    [Theory]
    [InlineData(null, false, false)]
    [InlineData("", false, false)]
    [InlineData("on", true, false)]
    [InlineData("true", true, false)]
    [InlineData("False", false, false)]
    [InlineData("yes", false, true)]
    [InlineData("1", false, true)]
    public void A_checkbox_is_false_when_absent_and_true_when_on(string? text, bool expected, bool error)
    {
        var errors = new ValidationCollector();
        FormCollection form = text is null ? Form() : Form(("subscribe", [text]));
        Assert.Equal(expected, FormFields.Boolean(form, "subscribe", ref errors));
        Assert.Equal(error, errors.HasErrors);
    }

    private static FormCollection WithFiles(params (string Field, string FileName)[] files)
    {
        var collection = new FormFileCollection();
        foreach ((string field, string fileName) in files)
        {
            collection.Add(new FormFile(new MemoryStream("content"u8.ToArray()), 0, 7, field, fileName));
        }

        return new FormCollection(null, collection);
    }

    private SafePathResolver Uploads() => new(_root, new SafePathOptions { AllowSubdirectories = false, AllowedExtensions = [".txt", ".pdf"] });

    [Fact]
    public void Every_hostile_upload_name_is_refused_and_never_echoed()
    {
        SafePathResolver resolver = Uploads();
        foreach (string name in HostilePaths.All().Where(n => !n.EndsWith("-out.txt", StringComparison.Ordinal)).Append("../../etc/passwd").Append("notes.exe"))
        {
            var errors = new ValidationCollector();
            Assert.Null(FormFields.RequiredFile(WithFiles(("attachment", name)), "attachment", resolver, ref errors));
            string[] messages = Assert.Single(Errors(errors)).Value;
            Assert.True(messages.SequenceEqual(["The file name is not allowed."]) || messages.SequenceEqual(["The form field 'attachment' needs a file."]) && name.Length == 0,
                $"{name}: {string.Join(" ", messages)}");
        }
    }

    [Fact]
    public async Task An_accepted_upload_is_saved_inside_the_root_and_never_over_an_existing_file()
    {
        var errors = new ValidationCollector();
        SafeFormFile file = FormFields.RequiredFile(WithFiles(("attachment", "notes.txt")), "attachment", Uploads(), ref errors)!;
        Assert.False(errors.HasErrors);
        Assert.Equal(Path.Combine(_root, "notes.txt"), file.Path.FullPath);
        Assert.Equal("notes.txt", file.FileName);
        await file.SaveAsync(TestContext.Current.CancellationToken);
        Assert.Equal("content", await File.ReadAllTextAsync(file.Path.FullPath, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<IOException>(() => file.SaveAsync(TestContext.Current.CancellationToken));
        Assert.Equal("content", await File.ReadAllTextAsync(file.Path.FullPath, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void A_missing_or_repeated_upload_is_an_error_unless_optional()
    {
        var errors = new ValidationCollector();
        Assert.Null(FormFields.OptionalFile(WithFiles(), "attachment", Uploads(), ref errors));
        Assert.False(errors.HasErrors);
        Assert.Null(FormFields.RequiredFile(WithFiles(), "attachment", Uploads(), ref errors));
        Assert.Equal(["The form field 'attachment' needs a file."], Errors(errors)["attachment"]);
        errors = new ValidationCollector();
        Assert.Null(FormFields.OptionalFile(WithFiles(("attachment", "a.txt"), ("ATTACHMENT", "b.txt")), "attachment", Uploads(), ref errors));
        Assert.Equal(["The form field 'attachment' was sent more than once."], Errors(errors)["attachment"]);
    }

    [Fact]
    public void A_path_field_goes_through_the_same_guard()
    {
        File.WriteAllText(Path.Combine(_root, "a.txt"), "x");
        var errors = new ValidationCollector();
        Assert.Equal("a.txt", FormFields.RequiredPath(Form(("p", ["a.txt"])), "p", Uploads(), ref errors).RelativePath);
        Assert.Null(FormFields.OptionalPath(Form(("p", ["../a.txt"])), "p", Uploads(), ref errors));
        Assert.Equal(["The path is not allowed."], Errors(errors)["p"]);
    }
}
