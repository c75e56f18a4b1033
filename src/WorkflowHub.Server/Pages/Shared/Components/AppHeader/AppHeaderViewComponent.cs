using Mediator;
using Microsoft.AspNetCore.Mvc;
using WorkflowHub.Campaign.Features.Me;
using WorkflowHub.Server.Infrastructure.Web;

namespace WorkflowHub.Server.Pages.Shared.Components.AppHeader;

/// <summary>The page header: product name, the signed-in user with unit and role, the menu of the user's roles, the language switch.</summary>
public sealed class AppHeaderViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var signedIn = User.Identity?.IsAuthenticated == true;
        var me = signedIn ? await sender.Send(new GetMe(), HttpContext.RequestAborted) : null;
        var menu = signedIn ? AppMenu.For(HttpContext.User) : [];
        return View(new AppHeaderModel(me, menu, HttpContext.Request.Path, HttpContext.Request.PathBase + HttpContext.Request.Path + HttpContext.Request.QueryString));
    }
}

public sealed record AppHeaderModel(MeView? Me, IReadOnlyList<AppMenuItem> Menu, PathString Path, string ReturnUrl);
