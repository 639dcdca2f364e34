namespace Liaison.Web.Platform.Web;

/// <summary>
/// The address people reach Liaison at (Web:PublicUrl), for every link that leaves a page: invitations, reminders and
/// agendas, calendar feed URLs, calendar UIDs. Never the request's Host header, which a client chooses: an invitation
/// requested with "Host: evil.example" would otherwise send its recipient there.
/// </summary>
internal sealed class PublicUrls
{
    public const string DevelopmentDefault = "http://localhost:5080/";

    public PublicUrls(IConfiguration config)
    {
        var configured = config["Web:PublicUrl"];
        IsConfigured = Uri.TryCreate(configured?.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
        Base = IsConfigured ? uri! : new Uri(DevelopmentDefault);
    }

    /// <summary>The public address, ending in a slash.</summary>
    public Uri Base { get; }

    /// <summary>False when Web:PublicUrl is not set: links then point at the development address, and start-up says so.</summary>
    public bool IsConfigured { get; }

    /// <summary>The host name, for identifiers that must stay the same wherever they are read (calendar UIDs).</summary>
    public string Host => Base.Host;

    /// <summary>An absolute link to a path of Liaison ("Account/SetPassword?…").</summary>
    public string Link(string pathAndQuery) => new Uri(Base, pathAndQuery.TrimStart('/')).ToString();
}
