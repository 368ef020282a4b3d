using EcoEnforce.Complaints;
using EcoEnforce.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Complaints;

/// <summary>待人工确认: complaints whose entity match was not confident enough, with the system's guess to accept in
/// one click or to correct on the item page.</summary>
[Authorize(Policy = Infrastructure.Policies.StaffOrLiaison)]
public sealed class ReviewModel(EcoEnforceDb db, ComplaintQueries queries, ReviewComplaint review, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<Complaint> Rows { get; private set; } = [];
    public bool CanHandle { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await EcoEnforce.Problems.LiaisonScope.TownshipAsync(db, User, ct);
        CanHandle = (await authorization.AuthorizeAsync(User, Infrastructure.Policies.ComplaintHandler)).Succeeded;
        Rows = await queries.Visible(scope).AsNoTracking().Include(c => c.Enterprise)
            .Where(c => c.MatchStatus == MatchStatus.NeedsReview).OrderByDescending(c => c.IsUrgent).ThenBy(c => c.ReceivedAtUtc).Take(300).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Infrastructure.Policies.ComplaintHandler)).Succeeded) return Forbid();
        var suggested = await db.Complaints.Where(c => c.Id == id && c.MatchStatus == MatchStatus.NeedsReview).Select(c => c.EnterpriseId).FirstOrDefaultAsync(ct);
        if (suggested is null) return NotFound();
        await review.ConfirmMatchAsync(id, suggested, ct);
        return Redirect("/Complaints/Review");
    }
}
