using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Accounts;

/// <summary>Creates an account with one role. A liaison officer must belong to a unit: it is what limits what
/// they see and report.</summary>
public static class CreateUser
{
    public sealed record Command(string UserName, string DisplayName, string Role, int? DepartmentId, string Password);

    public sealed class Handler(UserManager<AppUser> users, EcoEnforceDb db, TimeProvider clock)
    {
        public async Task<Result<string>> HandleAsync(Command command, CancellationToken ct)
        {
            if (!Roles.All.Contains(command.Role))
                return Result<string>.Fail(nameof(command.Role), $"角色“{command.Role}”不存在，可选：{string.Join("、", Roles.All)}");
            if (string.IsNullOrWhiteSpace(command.DisplayName))
                return Result<string>.Fail(nameof(command.DisplayName), "姓名不能为空");
            if (command.Role == Roles.Liaison && command.DepartmentId is null)
                return Result<string>.Fail(nameof(command.DepartmentId), "联络员须指定所属单位");
            if (command.DepartmentId is { } d && !await db.Departments.AnyAsync(x => x.Id == d, ct))
                return Result<string>.Fail(nameof(command.DepartmentId), "所属单位不存在");

            var user = new AppUser
            {
                UserName = command.UserName.Trim(),
                DisplayName = command.DisplayName.Trim(),
                DepartmentId = command.DepartmentId,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                LockoutEnabled = true,
            };
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var created = await users.CreateAsync(user, command.Password);
            if (!created.Succeeded) return Fail(created);
            var inRole = await users.AddToRoleAsync(user, command.Role);
            if (!inRole.Succeeded) return Fail(inRole);
            await tx.CommitAsync(ct);
            return Result<string>.Ok(user.Id);
        }

        private static Result<string> Fail(IdentityResult result) =>
            Result<string>.Fail([.. result.Errors.Select(e => new FieldError(e.Code, e.Description))]);
    }
}
