namespace Bastion.Generators.Shared;

/// <summary>
/// One row of the security manifest. Every feature turns its model into rows of this one type, so the
/// manifest emitter depends on no feature. <see cref="Section"/> groups rows under a heading whose
/// columns are <see cref="Headers"/>.
/// </summary>
internal sealed record ManifestRow(string Section, EquatableArray<string> Headers, EquatableArray<string> Cells);
