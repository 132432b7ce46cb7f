using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Site.LinkHealth;

/// <summary>
/// The platform's own certificate validation, with a reason a journalist can act on when it fails. The
/// exception thrown here reaches <see cref="FailureText"/> as the inner exception of the handler's error,
/// where the platform's own message would only say "the remote certificate is invalid".
/// </summary>
internal static class CertificateCheck
{
    public static bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None ? true : throw new UntrustedCertificateException(Describe(errors, chain));

    public static string Describe(SslPolicyErrors errors, X509Chain? chain)
    {
        var reasons = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            reasons.Add("the site sent no certificate");
        }
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            reasons.Add("it was issued for another site name");
        }
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            var flags = chain?.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status) ?? X509ChainStatusFlags.NoError;
            reasons.Add(flags switch
            {
                _ when flags.HasFlag(X509ChainStatusFlags.Revoked) => "it has been revoked",
                _ when flags.HasFlag(X509ChainStatusFlags.NotTimeValid) => "it has expired or is not valid yet",
                _ when flags.HasFlag(X509ChainStatusFlags.UntrustedRoot) || flags.HasFlag(X509ChainStatusFlags.PartialChain)
                    => "it is self-signed or issued by an authority that is not trusted",
                _ => "its chain of trust is broken",
            });
        }
        return "the certificate is not trusted: " + string.Join("; ", reasons);
    }
}

internal sealed class UntrustedCertificateException(string message) : Exception(message);
