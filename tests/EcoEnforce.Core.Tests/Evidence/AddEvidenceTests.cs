using EcoEnforce.Common;
using EcoEnforce.Core.Tests.Problems;
using EcoEnforce.Data;
using EcoEnforce.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TaskStatus = EcoEnforce.Inspections.TaskStatus;

namespace EcoEnforce.Core.Tests.Evidence;

public sealed class AddEvidenceTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 1, 2, 3, 0xFF, 0xD9];
    private readonly ProblemTestDb _db = new();

    private Task<Result<int>> AddAsync(int? taskId, int? problemId, string name, Stream content, string? caption = null) =>
        _db.Run<AddEvidence.Handler, Result<int>>(h => h.HandleAsync(new AddEvidence.Command(taskId, problemId, name, content, caption), Ct));

    [Fact]
    public async Task Stores_a_photo_on_a_task_in_progress_with_its_hash_and_keeps_the_bytes_out_of_the_audit_trail()
    {
        var task = await _db.AddTaskAsync(await _db.AddEnterpriseAsync(), null, TaskStatus.InProgress);
        var added = await AddAsync(task, null, @"D:\相册\排污口.jpg", new MemoryStream(Jpeg), "  排污口  ");
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Message)));

        using var scope = _db.NewScope();
        var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
        var item = Assert.Single(await EvidenceQueries.ForTaskAsync(db, task, Ct));
        Assert.Equal(("排污口.jpg", "image/jpeg", 17L, "排污口", "测试员"), (item.FileName, item.ContentType, item.Length, item.Caption, item.UploadedBy));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Jpeg)), item.Sha256);
        Assert.Equal(Jpeg, await EvidenceQueries.ContentAsync(db, item.Id, Ct));
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(EvidenceFile), Ct);
        Assert.Contains(item.Sha256, audit.After, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Jpeg), audit.After, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TaskStatus.Planned)]
    [InlineData(TaskStatus.Cancelled)]
    public async Task Refuses_evidence_on_a_task_not_started_or_cancelled(TaskStatus status)
    {
        var task = await _db.AddTaskAsync(await _db.AddEnterpriseAsync(), null, status);
        var added = await AddAsync(task, null, "a.jpg", new MemoryStream(Jpeg));
        Assert.Equal("只有检查中或已完成的任务可以上传证据材料", added.Errors.Single().Message);
    }

    [Fact]
    public async Task Refuses_the_same_file_twice_on_one_problem_but_not_on_another()
    {
        var enterprise = await _db.AddEnterpriseAsync();
        var first = await _db.OpenAsync(ProblemTestDb.Water(enterprise, ProblemTestDb.Today));
        var second = await _db.OpenAsync(ProblemTestDb.Water(enterprise, ProblemTestDb.Today));
        Assert.True((await AddAsync(null, first, "整改前.jpg", new MemoryStream(Jpeg))).Succeeded);
        var again = await AddAsync(null, first, "改个名.jpg", new MemoryStream(Jpeg));
        Assert.Equal("该文件已上传过：改个名.jpg", again.Errors.Single().Message);
        Assert.True((await AddAsync(null, second, "整改前.jpg", new MemoryStream(Jpeg))).Succeeded);
    }

    [Fact]
    public async Task Refuses_an_oversize_file_after_reading_one_byte_past_the_limit()
    {
        var task = await _db.AddTaskAsync(await _db.AddEnterpriseAsync(), null, TaskStatus.Done);
        var endless = new EndlessJpegStream();
        var added = await AddAsync(task, null, "大.jpg", endless);
        Assert.Equal("文件过大（上限 20 MB）：大.jpg", added.Errors.Single().Message);
        Assert.Equal(EvidenceRules.MaxBytes + 1, endless.Position);
    }

    [Fact]
    public async Task Needs_exactly_one_of_task_and_problem()
    {
        Assert.Equal("Target", (await AddAsync(null, null, "a.jpg", new MemoryStream(Jpeg))).Errors.Single().Field);
        Assert.Equal("Target", (await AddAsync(1, 1, "a.jpg", new MemoryStream(Jpeg))).Errors.Single().Field);
        Assert.Equal("检查任务不存在", (await AddAsync(999, null, "a.jpg", new MemoryStream(Jpeg))).Errors.Single().Message);
    }

    public void Dispose() => _db.Dispose();

    /// <summary>A JPEG header followed by zeros without end; counts what was read.</summary>
    private sealed class EndlessJpegStream : Stream
    {
        private long _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            for (var i = 0; i < count && _position + i < Jpeg.Length; i++) buffer[offset + i] = Jpeg[_position + i];
            _position += count;
            return count;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
