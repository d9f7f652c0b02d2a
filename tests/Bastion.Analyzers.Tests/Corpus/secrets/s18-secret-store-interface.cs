// family: secrets
// verdict: safe
// why: The signing key is fetched from a secret store by name at start-up; only the secret's name is in the code.
using System.Threading;
using System.Threading.Tasks;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Secrets.S18;

public interface ISecretStore
{
    Task<byte[]> GetSecretAsync(string name, CancellationToken cancellationToken);
}

public sealed class SigningKeyLoader(ISecretStore store)
{
    public async Task<SigningCredentials> LoadAsync(CancellationToken cancellationToken)
    {
        byte[] key = await store.GetSecretAsync("jwt-signing-key", cancellationToken);
        return new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256);
    }
}
