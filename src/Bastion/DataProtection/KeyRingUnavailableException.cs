using System;
using System.Collections.Generic;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Bastion.DataProtection;

/// <summary>
/// The shared key ring could not be read or written (store unreachable, a key file unreadable or corrupted). Data
/// Protection wraps it in a <see cref="System.Security.Cryptography.CryptographicException"/>; <c>UseBastion()</c> answers
/// a request that meets it with 503 problem details and Retry-After, not a 500: the app is healthy, a dependency is not.
/// </summary>
public sealed class KeyRingUnavailableException : Exception
{
    /// <summary>Creates the exception around the store's own error.</summary>
    public KeyRingUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>Wraps the configured store so its failures are recognisable as <see cref="KeyRingUnavailableException"/>.</summary>
internal sealed class GuardedXmlRepository(IXmlRepository inner) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        try
        {
            return inner.GetAllElements();
        }
        catch (Exception error) when (error is not KeyRingUnavailableException)
        {
            throw new KeyRingUnavailableException("Bastion: the Data Protection key ring could not be read (" + error.GetType().Name + ").", error);
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        try
        {
            inner.StoreElement(element, friendlyName);
        }
        catch (Exception error) when (error is not KeyRingUnavailableException)
        {
            throw new KeyRingUnavailableException("Bastion: a new Data Protection key could not be stored (" + error.GetType().Name + ").", error);
        }
    }
}
