namespace Bastion.Generators.Validation;

/// <summary>Collections Bastion walks by index (no enumerator allocation) and can copy on write.</summary>
internal enum CollectionKind
{
    None,
    Array,
    List,
    ReadOnlyListInterface,
    ListInterface,
}
