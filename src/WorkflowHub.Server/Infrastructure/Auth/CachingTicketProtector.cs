using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace WorkflowHub.Server.Infrastructure.Auth;

/// <summary>
/// Remembers the bearer tokens it has already unprotected, so a client's repeated requests with one token skip
/// DataProtection's key derivation, decryption and ticket deserialisation (about 5 % of a task completion's request-thread samples).
/// Only tokens that unprotected to a ticket that has not expired are remembered, each for at most
/// <see cref="Lifetime"/> and never past its own expiry; the bearer handler still checks the expiry of every ticket it
/// is given. A forged or damaged token is never remembered, so it costs the full check every time. At most
/// <see cref="Capacity"/> tokens are held: expired ones are dropped first, then everything. Every hit hands out a copy,
/// so a caller that changes its principal cannot change another request's.
/// Bearer tokens have no sign-out or revocation of their own; a DataProtection key revoked by hand stops the tokens it
/// protected once their entries here run out (<see cref="Lifetime"/>).
/// </summary>
public sealed class CachingTicketProtector(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider time) : ISecureDataFormat<AuthenticationTicket>
{
    public const int Capacity = 1024;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, RememberedTicket> _tickets = new(StringComparer.Ordinal);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        var now = time.GetUtcNow();
        if (_tickets.TryGetValue(protectedText, out var remembered))
        {
            if (now < remembered.Until)
            {
                return Copy(remembered.Ticket);
            }

            _tickets.TryRemove(KeyValuePair.Create(protectedText, remembered));
        }

        var ticket = inner.Unprotect(protectedText);
        if (ticket?.Properties.ExpiresUtc is { } expires && now < expires)
        {
            Remember(protectedText, new RememberedTicket(Copy(ticket), Min(now + Lifetime, expires)), now);
        }

        return ticket;
    }

    private void Remember(string token, RememberedTicket remembered, DateTimeOffset now)
    {
        if (_tickets.Count >= Capacity)
        {
            foreach (var entry in _tickets)
            {
                if (entry.Value.Until <= now)
                {
                    _tickets.TryRemove(entry);
                }
            }

            if (_tickets.Count >= Capacity)
            {
                _tickets.Clear();
            }
        }

        _tickets[token] = remembered;
    }

    // ClaimsPrincipal.Clone shares its identities, so each identity is cloned too.
    private static AuthenticationTicket Copy(AuthenticationTicket ticket) =>
        new(new ClaimsPrincipal(ticket.Principal.Identities.Select(identity => identity.Clone())), ticket.Properties.Clone(), ticket.AuthenticationScheme);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed record RememberedTicket(AuthenticationTicket Ticket, DateTimeOffset Until);
}
