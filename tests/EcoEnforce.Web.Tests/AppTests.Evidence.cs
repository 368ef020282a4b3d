using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using EcoEnforce.Data;
using EcoEnforce.Inspections;
using EcoEnforce.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

/// <summary>Evidence files on inspection tasks: upload, list and download by the team, refusal for everyone else, and
/// the content checks (size, type), on both databases.</summary>
public abstract partial class AppTests<TApp>
{
    private static int _evidenceEntity;

    /// <summary>A JPEG as a camera starts one (SOI, JFIF APP0), a random body and the end marker; unique per call so
    /// no two uploads collide as duplicates.</summary>
    private static byte[] SomeJpeg()
    {
        byte[] head = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
        return [.. head, .. RandomNumberGenerator.GetBytes(300), 0xFF, 0xD9];
    }

    /// <summary>A task started on site whose team is a fresh officer linked to a new Inspector-role user plus one
    /// certified officer of the seed data; fresh officer and entity, so other tests' tasks are not disturbed.</summary>
    private async Task<(int TaskId, string User, string Password)> TaskInProgressAsync()
    {
        var (user, password) = await App.CreateUserAsync(Accounts.Roles.Inspector);
        var taskId = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var today = Common.ChinaTime.Today(sp.GetRequiredService<TimeProvider>());
            var colleague = await db.Inspectors.Where(i => i.IsActive && i.CertificateValidFrom <= today && i.CertificateValidTo >= today)
                .OrderByDescending(i => i.Id).FirstAsync(Ct);
            var officer = new Organisation.Inspector
            {
                Name = "取证员" + user, DepartmentId = colleague.DepartmentId, CertificateNumber = $"EV{Guid.NewGuid():N}"[..20],
                CertificateValidFrom = today.AddYears(-1), CertificateValidTo = today.AddYears(1),
                UserId = await db.Users.Where(u => u.UserName == user).Select(u => u.Id).FirstAsync(Ct),
            };
            db.Inspectors.Add(officer);
            await db.SaveChangesAsync(Ct);
            var entity = await db.Enterprises.OrderBy(e => e.Id).Skip(200 + Interlocked.Increment(ref _evidenceEntity)).Select(e => e.Id).FirstAsync(Ct);
            var campaign = await db.Campaigns.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
            var created = await sp.GetRequiredService<CreateTask.Handler>().HandleAsync(new CreateTask.Command(entity, TaskSource.Complaint, "12345-EV",
                [campaign], today, today.AddDays(7), today, InspectionMode.OnSite, false, [officer.Id, colleague.Id]), Ct);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
            return (created.Value, new[] { officer.Id, colleague.Id });
        });
        var started = await App.WithScopeAsync(sp => sp.GetRequiredService<WorkOnTask.Handler>()
            .StartAsync(new WorkOnTask.Start(taskId.Value, 0, taskId.Item2, null, null, null, null), Ct));
        Assert.True(started.Succeeded, string.Join("; ", started.Errors.Select(e => e.Message)));
        return (taskId.Value, user, password);
    }

    /// <summary>The API's field names are lower-case; the page form's (the _EvidenceUpload partial) are capitalised.</summary>
    private static MultipartFormDataContent EvidenceForm(int taskId, string fileName, byte[] bytes, string? caption = null, bool page = false)
    {
        var file = new ByteArrayContent(bytes);
        // The client's claim, deliberately generic: the server decides the type from the bytes.
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var form = new MultipartFormDataContent
        {
            { new StringContent($"{taskId}"), page ? "TaskId" : "taskId" },
            { file, page ? "File" : "file", fileName },
        };
        if (caption is not null) form.Add(new StringContent(caption), page ? "Caption" : "caption");
        return form;
    }

    private Task<int> EvidenceCountAsync(int taskId) =>
        App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().EvidenceFiles.CountAsync(e => e.TaskId == taskId, Ct));

    [Fact]
    public async Task Evidence_uploaded_by_a_team_member_is_listed_and_served_back_unchanged()
    {
        var (taskId, user, password) = await TaskInProgressAsync();
        var api = await ApiAsync(user, password);
        var jpeg = SomeJpeg();

        var created = await api.PostAsync("/api/v1/evidence", EvidenceForm(taskId, "排污口.jpg", jpeg, "雨水排口有黑水"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dto = await created.Content.ReadFromJsonAsync<EvidenceEndpoints.EvidenceDto>(Ct);
        Assert.Equal($"/evidence/{dto!.Id}", created.Headers.Location!.OriginalString);

        var list = await api.GetFromJsonAsync<List<EvidenceEndpoints.EvidenceDto>>($"/api/v1/evidence?taskId={taskId}", Ct);
        var item = Assert.Single(list!);
        Assert.Equal(("排污口.jpg", "image/jpeg", (long)jpeg.Length, "雨水排口有黑水", user),
            (item.FileName, item.ContentType, item.Length, item.Caption, item.UploadedBy));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(jpeg)), item.Sha256);

        var file = await api.GetAsync(item.Url, Ct);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(jpeg, await file.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("image/jpeg", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", file.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(file.Headers.CacheControl!.Private);

        // The page's <img> goes through the session cookie.
        var browser = await SignedInAsync(user, password);
        Assert.Equal(jpeg, await browser.GetByteArrayAsync(item.Url, Ct));

        var again = await api.PostAsync("/api/v1/evidence", EvidenceForm(taskId, "再传一次.jpg", jpeg), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("该文件已上传过", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_is_hidden_from_officers_not_on_the_team_and_from_anonymous_callers()
    {
        var (taskId, user, password) = await TaskInProgressAsync();
        var created = await (await ApiAsync(user, password)).PostAsync("/api/v1/evidence", EvidenceForm(taskId, "a.jpg", SomeJpeg()), Ct);
        var id = (await created.Content.ReadFromJsonAsync<EvidenceEndpoints.EvidenceDto>(Ct))!.Id;

        var (outsider, outsiderPassword) = await App.CreateUserAsync(Accounts.Roles.Inspector);
        var other = await ApiAsync(outsider, outsiderPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/evidence?taskId={taskId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/evidence/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync("/api/v1/evidence", EvidenceForm(taskId, "b.jpg", SomeJpeg()), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/evidence/999999", Ct)).StatusCode);

        var anonymous = App.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/evidence?taskId={taskId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/evidence", EvidenceForm(taskId, "c.jpg", SomeJpeg()), Ct)).StatusCode);
        var file = await anonymous.GetAsync($"/evidence/{id}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, file.StatusCode);
        Assert.StartsWith("/Account/Login", file.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(1, await EvidenceCountAsync(taskId));
    }

    [Fact]
    public async Task Evidence_oversize_or_disguised_as_another_type_is_refused_and_nothing_stored()
    {
        var (taskId, user, password) = await TaskInProgressAsync();
        var api = await ApiAsync(user, password);

        var big = new byte[Evidence.EvidenceRules.MaxBytes + 1];
        SomeJpeg().CopyTo(big, 0);
        var oversize = await api.PostAsync("/api/v1/evidence", EvidenceForm(taskId, "大.jpg", big), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, oversize.StatusCode);
        Assert.Contains("文件过大（上限 20 MB）", await oversize.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        byte[] exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];
        var disguised = await api.PostAsync("/api/v1/evidence", EvidenceForm(taskId, "照片.jpg", exe), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Contains("文件内容与类型不符或不允许上传：照片.jpg", await disguised.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await EvidenceCountAsync(taskId));
    }

    [Fact]
    public async Task Evidence_page_form_uploads_with_its_token_and_returns_only_to_a_local_page()
    {
        var (taskId, user, password) = await TaskInProgressAsync();
        var browser = await SignedInAsync(user, password);
        // Any form's token serves: it is bound to the user and the cookie, not to the page.
        var token = await browser.AntiforgeryTokenAsync($"/Inspections/{taskId}");

        // With the session cookie, the API itself insists on the token (a bearer caller needs none).
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync("/api/v1/evidence", EvidenceForm(taskId, "x.jpg", SomeJpeg()), Ct)).StatusCode);

        var form = EvidenceForm(taskId, "现场.jpg", SomeJpeg(), page: true);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent("https://evil.example/login"), "ReturnUrl");
        var posted = await browser.PostAsync("/Evidence/Upload", form, Ct);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/", posted.Headers.Location!.OriginalString);

        var back = EvidenceForm(taskId, "现场2.jpg", SomeJpeg(), page: true);
        back.Add(new StringContent(token), "__RequestVerificationToken");
        back.Add(new StringContent($"/Inspections/{taskId}"), "ReturnUrl");
        var returned = await browser.PostAsync("/Evidence/Upload", back, Ct);
        Assert.Equal($"/Inspections/{taskId}", returned.Headers.Location!.OriginalString);
        Assert.Equal(2, await EvidenceCountAsync(taskId));
    }
}
