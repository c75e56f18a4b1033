using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using WorkflowHub.Server.Infrastructure.Auth;
using WorkflowHub.Server.Tests.Decisions;

namespace WorkflowHub.Server.Tests.Security;

public sealed class CachingTicketProtectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider clock = new(Now);
    private readonly CountingProtector inner = new();

    [Fact]
    public void A_token_seen_before_is_not_unprotected_again()
    {
        var protector = new CachingTicketProtector(inner, clock);
        inner.Add("token-a", Ticket("office", Now.AddHours(8)));

        var first = protector.Unprotect("token-a");
        var second = protector.Unprotect("token-a");

        Assert.Equal("office", first!.Principal.Identity!.Name);
        Assert.Equal("office", second!.Principal.Identity!.Name);
        Assert.Equal(1, inner.Unprotects);
    }

    [Fact]
    public void Every_hit_is_a_copy_so_one_request_cannot_change_the_next_ones_principal()
    {
        var protector = new CachingTicketProtector(inner, clock);
        inner.Add("token-a", Ticket("office", Now.AddHours(8)));
        protector.Unprotect("token-a");

        var hit = protector.Unprotect("token-a")!;
        ((ClaimsIdentity)hit.Principal.Identity!).AddClaim(new Claim(ClaimTypes.Role, "Admin"));

        Assert.False(protector.Unprotect("token-a")!.Principal.IsInRole("Admin"));
    }

    [Fact]
    public void A_remembered_token_is_checked_again_after_the_cache_lifetime()
    {
        var protector = new CachingTicketProtector(inner, clock);
        inner.Add("token-a", Ticket("office", Now.AddHours(8)));
        protector.Unprotect("token-a");

        clock.Advance(CachingTicketProtector.Lifetime);
        inner.Remove("token-a");

        Assert.Null(protector.Unprotect("token-a"));
        Assert.Equal(2, inner.Unprotects);
    }

    [Fact]
    public void A_token_is_not_remembered_past_its_own_expiry()
    {
        var protector = new CachingTicketProtector(inner, clock);
        inner.Add("token-a", Ticket("office", Now.AddMinutes(1)));
        protector.Unprotect("token-a");

        clock.Advance(TimeSpan.FromMinutes(1));
        protector.Unprotect("token-a");

        Assert.Equal(2, inner.Unprotects);
    }

    [Fact]
    public void An_expired_or_forged_token_is_never_remembered()
    {
        var protector = new CachingTicketProtector(inner, clock);
        inner.Add("expired", Ticket("office", Now.AddSeconds(-1)));

        protector.Unprotect("expired");
        protector.Unprotect("expired");
        Assert.Null(protector.Unprotect("forged"));
        Assert.Null(protector.Unprotect("forged"));

        Assert.Equal(4, inner.Unprotects);
    }

    [Fact]
    public void A_ticket_without_an_expiry_is_never_remembered()
    {
        var protector = new CachingTicketProtector(inner, clock);
        inner.Add("no-expiry", Ticket("office", expires: null));

        protector.Unprotect("no-expiry");
        protector.Unprotect("no-expiry");

        Assert.Equal(2, inner.Unprotects);
    }

    [Fact]
    public void The_cache_holds_at_most_its_capacity()
    {
        var protector = new CachingTicketProtector(inner, clock);
        for (var i = 0; i <= CachingTicketProtector.Capacity; i++)
        {
            inner.Add($"token-{i}", Ticket($"user-{i}", Now.AddHours(8)));
            protector.Unprotect($"token-{i}");
        }

        // The last token was remembered after the full cache was emptied; the first one was dropped with the rest.
        protector.Unprotect($"token-{CachingTicketProtector.Capacity}");
        protector.Unprotect("token-0");

        Assert.Equal(CachingTicketProtector.Capacity + 2, inner.Unprotects);
    }

    [Fact]
    public void A_purpose_other_than_the_default_goes_to_the_inner_protector_every_time()
    {
        var protector = new CachingTicketProtector(inner, clock);
        inner.Add("token-a", Ticket("office", Now.AddHours(8)));

        protector.Unprotect("token-a", "another purpose");
        protector.Unprotect("token-a", "another purpose");

        Assert.Equal(2, inner.Unprotects);
    }

    private static AuthenticationTicket Ticket(string userName, DateTimeOffset? expires)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, userName)], "Test"));
        return new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = expires }, "Test");
    }

    /// <summary>Stands in for DataProtection: knows some tokens, counts how often it is asked.</summary>
    private sealed class CountingProtector : ISecureDataFormat<AuthenticationTicket>
    {
        private readonly Dictionary<string, AuthenticationTicket> tickets = new(StringComparer.Ordinal);

        public int Unprotects { get; private set; }

        public void Add(string token, AuthenticationTicket ticket) => tickets[token] = ticket;

        public void Remove(string token) => tickets.Remove(token);

        public string Protect(AuthenticationTicket data) => throw new InvalidOperationException("The cache never issues tokens.");

        public string Protect(AuthenticationTicket data, string? purpose) => Protect(data);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Unprotects++;
            return protectedText is not null && tickets.TryGetValue(protectedText, out var ticket)
                ? new AuthenticationTicket(ticket.Principal.Clone(), ticket.Properties.Clone(), ticket.AuthenticationScheme)
                : null;
        }
    }
}
