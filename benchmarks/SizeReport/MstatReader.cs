using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Bastion.SizeReport;

/// <summary>
/// Reads the size statistics the NativeAOT compiler writes with <c>IlcGenerateMstatFile=true</c>
/// (<c>obj/.../native/{app}.mstat</c>, format 2.x): every compiled method and type with its size in bytes,
/// attributed to the assembly that declares it (a generic instantiation counts for its definition's assembly).
/// The file is an ECMA-335 assembly whose global methods "Methods", "Types" and "Blobs" list
/// <c>ldtoken</c> + <c>ldc.i4</c> sequences.
/// </summary>
public sealed class MstatReader
{
    /// <summary>Bytes of compiled code and type data per declaring assembly; "(runtime data)" holds the blobs.</summary>
    public IReadOnlyDictionary<string, long> BytesByAssembly => _bytes;

    /// <summary>Number of compiled methods per declaring assembly.</summary>
    public IReadOnlyDictionary<string, int> MethodsByAssembly => _methods;

    /// <summary>Full names of the compiled types, one entry per type, for "is X compiled in" checks.</summary>
    public IReadOnlyCollection<string> TypeNames => _typeNames;

    public const string RuntimeData = "(runtime data)";

    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _methods = new(StringComparer.Ordinal);
    private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);

    public static MstatReader Read(string path)
    {
        using FileStream stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        Version version = metadata.GetAssemblyDefinition().Version;
        if (version.Major != 2)
        {
            throw new InvalidDataException($"{path}: mstat format {version} is not supported (this reader knows 2.x, written by the .NET 8-10 NativeAOT compiler).");
        }

        var reader = new MstatReader();
        var owners = new OwnerResolver(metadata);
        foreach (MethodDefinitionHandle handle in metadata.MethodDefinitions)
        {
            MethodDefinition method = metadata.GetMethodDefinition(handle);
            if (!method.GetDeclaringType().IsNil && metadata.GetString(metadata.GetTypeDefinition(method.GetDeclaringType()).Name) != "<Module>")
            {
                continue;
            }

            var il = new IlCursor(pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes() ?? []);
            switch (metadata.GetString(method.Name))
            {
                case "Methods":
                    while (!il.AtEnd)
                    {
                        EntityHandle token = il.ReadToken();
                        long size = il.ReadInt32() + il.ReadInt32() + il.ReadInt32(); // code, GC info, EH info
                        il.ReadInt32(); // mangled name index
                        string owner = owners.OfMember(token);
                        reader.Add(owner, size);
                        reader._methods[owner] = reader._methods.GetValueOrDefault(owner) + 1;
                    }

                    break;
                case "Types":
                    while (!il.AtEnd)
                    {
                        EntityHandle token = il.ReadToken();
                        long size = il.ReadInt32();
                        il.ReadInt32(); // mangled name index
                        reader.Add(owners.OfType(token), size);
                        reader._typeNames.Add(owners.NameOf(token));
                    }

                    break;
                case "Blobs":
                    while (!il.AtEnd)
                    {
                        il.ReadString();
                        reader.Add(RuntimeData, il.ReadInt32());
                    }

                    break;
            }
        }

        return reader;
    }

    private void Add(string assembly, long bytes) => _bytes[assembly] = _bytes.GetValueOrDefault(assembly) + bytes;

    /// <summary>Walks the IL the mstat writer emitted: ldtoken, ldstr and the ldc.i4 forms.</summary>
    private sealed class IlCursor(byte[] il)
    {
        private int _at;

        public bool AtEnd => _at >= il.Length;

        public EntityHandle ReadToken()
        {
            Expect(0xD0, "ldtoken");
            return MetadataTokens.EntityHandle(ReadRaw32());
        }

        public void ReadString()
        {
            Expect(0x72, "ldstr");
            ReadRaw32();
        }

        public int ReadInt32()
        {
            byte op = il[_at++];
            return op switch
            {
                >= 0x16 and <= 0x1E => op - 0x16, // ldc.i4.0 .. ldc.i4.8
                0x15 => -1, // ldc.i4.m1
                0x1F => (sbyte)il[_at++], // ldc.i4.s
                0x20 => ReadRaw32(), // ldc.i4
                _ => throw new InvalidDataException($"unexpected IL opcode 0x{op:X2} at {_at - 1} where a constant was expected"),
            };
        }

        private void Expect(byte opcode, string name)
        {
            if (il[_at] != opcode)
            {
                throw new InvalidDataException($"expected {name} at IL offset {_at}, found 0x{il[_at]:X2}");
            }

            _at++;
        }

        private int ReadRaw32()
        {
            int value = BitConverter.ToInt32(il, _at);
            _at += 4;
            return value;
        }
    }

    /// <summary>Finds the assembly that declares a type or member reference of the mstat metadata.</summary>
    private sealed class OwnerResolver(MetadataReader metadata) : ISignatureTypeProvider<string, object?>
    {
        public string OfMember(EntityHandle handle) => handle.Kind switch
        {
            HandleKind.MemberReference => OfType(metadata.GetMemberReference((MemberReferenceHandle)handle).Parent),
            HandleKind.MethodSpecification => OfMember(metadata.GetMethodSpecification((MethodSpecificationHandle)handle).Method),
            HandleKind.MethodDefinition => "(mstat)",
            _ => OfType(handle),
        };

        public string OfType(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeReference:
                    TypeReference reference = metadata.GetTypeReference((TypeReferenceHandle)handle);
                    return reference.ResolutionScope.Kind switch
                    {
                        HandleKind.AssemblyReference => metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)reference.ResolutionScope).Name),
                        HandleKind.TypeReference => OfType((TypeReferenceHandle)reference.ResolutionScope),
                        _ => "(unknown scope)",
                    };
                case HandleKind.TypeSpecification:
                    return metadata.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                case HandleKind.TypeDefinition:
                    return "(mstat)";
                default:
                    return "(unknown)";
            }
        }

        public string NameOf(EntityHandle handle)
        {
            if (handle.Kind == HandleKind.TypeReference)
            {
                TypeReference reference = metadata.GetTypeReference((TypeReferenceHandle)handle);
                string name = metadata.GetString(reference.Name);
                if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
                {
                    return NameOf((TypeReferenceHandle)reference.ResolutionScope) + "+" + name;
                }

                string ns = metadata.GetString(reference.Namespace);
                return ns.Length == 0 ? name : ns + "." + name;
            }

            if (handle.Kind == HandleKind.TypeSpecification)
            {
                return metadata.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(new NameProvider(this), null);
            }

            return "(unnamed)";
        }

        public string GetArrayType(string elementType, ArrayShape shape) => elementType;
        public string GetByReferenceType(string elementType) => elementType;
        public string GetFunctionPointerType(MethodSignature<string> signature) => "System.Private.CoreLib";
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType;
        public string GetGenericMethodParameter(object? genericContext, int index) => "System.Private.CoreLib";
        public string GetGenericTypeParameter(object? genericContext, int index) => "System.Private.CoreLib";
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetPinnedType(string elementType) => elementType;
        public string GetPointerType(string elementType) => elementType;
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System.Private.CoreLib";
        public string GetSZArrayType(string elementType) => elementType;
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => "(mstat)";
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => OfType(handle);
        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => OfType(handle);
    }

    /// <summary>Full type names, generic arguments included, so a check also sees List&lt;AngleSharp.X&gt;.</summary>
    private sealed class NameProvider(OwnerResolver owners) : ISignatureTypeProvider<string, object?>
    {
        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[,]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType + "<" + string.Join(",", typeArguments) + ">";
        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetPinnedType(string elementType) => elementType;
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => "(mstat)";
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => owners.NameOf(handle);
        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => owners.NameOf(handle);
    }
}
