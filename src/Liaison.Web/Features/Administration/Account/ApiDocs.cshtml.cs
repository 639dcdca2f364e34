using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Administration.Account;

/// <summary>The interactive API reference (swagger-ui from npm, started by wwwroot/js/api-docs.js), for signed-in users.</summary>
internal sealed class ApiDocsModel : PageModel
{
    public void OnGet()
    {
    }
}
