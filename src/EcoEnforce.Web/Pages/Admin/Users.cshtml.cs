using EcoEnforce.Accounts;
using EcoEnforce.Data;
using EcoEnforce.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Admin;

[Authorize(Policy = Infrastructure.Policies.Admin)]
public sealed class UsersModel(EcoEnforceDb db, CreateUser.Handler createUser, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    public sealed record UserRow(string Id, string? UserName, string DisplayName, IReadOnlyList<string> Roles, string? Department, bool LockedOut);

    public sealed class InputModel
    {
        public string UserName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Role { get; set; } = Accounts.Roles.Inspector;
        public int? DepartmentId { get; set; }
        public string Password { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? Message { get; set; }
    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var roleNames = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        Users = [.. (await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct)).Select(u => new UserRow(
            u.Id, u.UserName, u.DisplayName,
            [.. roleNames.Where(r => r.UserId == u.Id).Select(r => r.Name!)],
            u.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null,
            u.LockoutEnd is { } end && end > now))];
        Departments = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var result = await createUser.HandleAsync(
            new CreateUser.Command(Input.UserName, Input.DisplayName, Input.Role, Input.DepartmentId, Input.Password), ct);
        if (result.Succeeded)
        {
            Message = $"已创建用户 {Input.UserName}";
            return RedirectToPage();
        }
        foreach (var e in result.Errors) ModelState.AddModelError("", e.Message);
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Message = $"已解锁 {user.UserName}";
        return RedirectToPage();
    }
}
