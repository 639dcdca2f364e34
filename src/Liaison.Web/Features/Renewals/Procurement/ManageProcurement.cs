using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Files;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Renewals.Procurement;

/// <summary>A request as its reader may see it: the assessment and the quotes only for the provider's staff.</summary>
internal sealed record ProcurementView(ProcurementRequest Request, IReadOnlyList<AttachmentInfo> Attachments, bool Internal, bool CanEdit, bool CanAttach)
{
    public int AgeDays(DateOnly today) => today.DayNumber - DateOnly.FromDateTime(Request.CreatedAt).DayNumber;
}

/// <summary>An attachment as listed (its content is read only when it is downloaded).</summary>
internal sealed record AttachmentInfo(long Id, string FileName, string ContentType, long Size, bool Internal, DateTime UploadedAt, string UploadedBy);

/// <summary>A card of the board: a request, its agency, and how long it has been open and in its status.</summary>
internal sealed record ProcurementCard(int Id, string Title, int AgencyId, string Agency, string RequestedBy, decimal? EstimatedCost,
    ProcurementStatus Status, int AgeDays, int DaysInStatus);

/// <summary>A column of the board: a status, how many requests are in it, and the longest-waiting of them.</summary>
internal sealed record ProcurementColumn(ProcurementStatus Status, int Count, IReadOnlyList<ProcurementCard> Cards);

/// <summary>
/// Procurement requests: the board, one request, raising and editing one, and its attachments. An agency's users raise
/// and follow their agency's requests (and may change one while it is new); the provider's staff assess, quote, approve
/// and order them. The assessment and the quotes, and files marked internal, stay the provider's.
/// </summary>
internal sealed class ManageProcurement(LiaisonDbContext db, AccessRule access, CurrentUser user, OrganisationClock clock)
{
    /// <summary>Cards shown per column; the column's count is of all.</summary>
    public const int CardsPerColumn = 50;

    public bool MaySee => user.IsAuthenticated;

    public bool IsInternalReader => access.CanSeeProviderRecords;

    public async Task<Result<IReadOnlyList<ProcurementColumn>>> BoardAsync(int? agencyId, bool closed, CancellationToken ct)
    {
        if (!MaySee)
            return Result<IReadOnlyList<ProcurementColumn>>.Forbidden();
        var requests = db.ProcurementRequests.AsNoTracking();
        if (agencyId is { } agency)
            requests = requests.Where(r => r.AgencyId == agency);
        var statuses = Enum.GetValues<ProcurementStatus>().Where(s => ProcurementRequest.IsOpen(s) != closed).ToList();
        var counts = await requests.Where(r => statuses.Contains(r.Status)).GroupBy(r => r.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var columns = new List<ProcurementColumn>();
        foreach (var status in statuses)
        {
            var cards = counts.GetValueOrDefault(status) == 0 ? [] : await CardsAsync(requests.Where(r => r.Status == status)
                .OrderBy(r => r.StatusSince).ThenBy(r => r.Id).Take(CardsPerColumn), ct);
            columns.Add(new ProcurementColumn(status, counts.GetValueOrDefault(status), cards));
        }
        return Result<IReadOnlyList<ProcurementColumn>>.Ok(columns);
    }

    /// <summary>The agency's requests still moving, longest open first (at most <paramref name="limit"/>), and how many there are.</summary>
    public async Task<(IReadOnlyList<ProcurementCard> Cards, int Count)> OpenForAgencyAsync(int agencyId, int limit, CancellationToken ct)
    {
        var open = Enum.GetValues<ProcurementStatus>().Where(ProcurementRequest.IsOpen).ToList();
        var requests = db.ProcurementRequests.AsNoTracking().Where(r => r.AgencyId == agencyId && open.Contains(r.Status));
        var count = await requests.CountAsync(ct);
        if (count == 0)
            return ([], 0);
        return (await CardsAsync(requests.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(limit), ct), count);
    }

    /// <summary>The requests as cards, in the order given: their agency's short name, and their age and days in their status today.</summary>
    private async Task<List<ProcurementCard>> CardsAsync(IQueryable<ProcurementRequest> requests, CancellationToken ct)
    {
        var today = clock.Today;
        return (await requests
                .Select(r => new { r.Id, r.Title, r.AgencyId, Agency = r.Agency!.Acronym ?? r.Agency.Name, r.RequestedBy, r.EstimatedCost, r.Status, r.CreatedAt, r.StatusSince })
                .ToListAsync(ct))
            .Select(r => new ProcurementCard(r.Id, r.Title, r.AgencyId, r.Agency, r.RequestedBy, r.EstimatedCost, r.Status,
                today.DayNumber - clock.DateOf(r.CreatedAt).DayNumber, today.DayNumber - r.StatusSince.DayNumber)).ToList();
    }

    public async Task<Result<ProcurementView>> GetAsync(int id, CancellationToken ct)
    {
        if (!MaySee)
            return Result<ProcurementView>.NotFound();
        var request = await access.FindAsync(db.ProcurementRequests.AsNoTracking().Include(r => r.Agency).Include(r => r.Approver).Include(r => r.Quotes), id, ct);
        if (request is null)
            return Result<ProcurementView>.NotFound();
        var attachments = await db.ProcurementAttachments.AsNoTracking().Where(a => a.RequestId == id).OrderBy(a => a.UploadedAt).ThenBy(a => a.Id)
            .Select(a => new AttachmentInfo(a.Id, a.FileName, a.ContentType, a.Size, a.Internal, a.UploadedAt, a.UploadedBy)).ToListAsync(ct);
        if (!IsInternalReader)
        {
            // What stays the provider's is not even handed to the page.
            request.AlignedWithStrategy = null;
            request.AssessmentReasons = null;
            request.Quotes = [];
        }
        return Result<ProcurementView>.Ok(new ProcurementView(request, attachments, IsInternalReader, await CanEditAsync(request, ct), await CanAttachAsync(request, ct)));
    }

    /// <summary>Whether the user may change the request: the agency's relationship managers and administrators; its agency's users while it is new.</summary>
    public async Task<bool> CanEditAsync(ProcurementRequest request, CancellationToken ct) =>
        IsInternalReader ? await access.CanEditAgencyRecordsAsync(request.AgencyId, ct)
        : access.OwnAgencyId == request.AgencyId && request.Status == ProcurementStatus.New;

    private async Task<bool> CanAttachAsync(ProcurementRequest request, CancellationToken ct) =>
        IsInternalReader ? await access.CanEditAgencyRecordsAsync(request.AgencyId, ct)
        : access.OwnAgencyId == request.AgencyId && ProcurementRequest.IsOpen(request.Status);

    /// <summary>Whether the user may raise a request for some agency (the page's button): staff who manage one, any agency user.</summary>
    public Task<bool> MayRaiseAsync(CancellationToken ct) => access.CanRaiseRequestsAsync(ct);

    public async Task<Result<ProcurementRequest>> CreateAsync(ProcurementInput input, CancellationToken ct)
    {
        if (!MaySee)
            return Result<ProcurementRequest>.NotFound();
        if (access.OwnAgencyId is { } own)
        {
            // An agency raises its own requests, and only the request part.
            input.AgencyId ??= own;
            if (input.AgencyId != own)
                return Result<ProcurementRequest>.Forbidden();
            input = Requested(input);
        }
        if (await ValidateAsync(input, ct) is { } errors)
            return Result<ProcurementRequest>.Invalid(errors);
        var allowed = access.OwnAgencyId is { } mine ? input.AgencyId == mine : await access.CanWriteAgencyRecordAsync(null, input.AgencyId!.Value, ct);
        if (!allowed)
            return Result<ProcurementRequest>.Forbidden();
        var request = new ProcurementRequest { CreatedByUserId = user.Id };
        input.ApplyTo(request, clock.Today);
        db.ProcurementRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return Result<ProcurementRequest>.Ok(request);
    }

    public async Task<Result<ProcurementRequest>> UpdateAsync(int id, ProcurementInput input, CancellationToken ct)
    {
        if (!MaySee)
            return Result<ProcurementRequest>.NotFound();
        var request = await access.FindAsync(db.ProcurementRequests.Include(r => r.Quotes), id, ct);
        if (request is null)
            return Result<ProcurementRequest>.NotFound();
        if (!await CanEditAsync(request, ct))
            return Result<ProcurementRequest>.Forbidden();
        if (access.SpeaksForAgency)
        {
            input.AgencyId = request.AgencyId;
            var mine = Requested(input);
            mine.Version = input.Version;
            if (await ValidateAsync(mine, ct) is { } refused)
                return Result<ProcurementRequest>.Invalid(refused);
            return await Edits.SaveAsync(db, request, input.Version ?? 0, mine, Requested, mine.ApplyRequestTo, nameof(ProcurementRequest), id, ct);
        }
        input.Quotes = (input.Quotes ?? []).Select(q => q ?? new QuoteInput()).ToList();
        if (await ValidateAsync(input, ct, request) is { } errors)
            return Result<ProcurementRequest>.Invalid(errors);
        if (!await access.CanWriteAgencyRecordAsync(request.AgencyId, input.AgencyId!.Value, ct))
            return Result<ProcurementRequest>.Forbidden();
        var today = clock.Today;
        return await Edits.SaveAsync(db, request, input.Version ?? 0, input, ProcurementInput.From, r => input.ApplyTo(r, today), nameof(ProcurementRequest), id, ct);
    }

    /// <summary>Only the part an agency's user writes, the rest as it is new.</summary>
    private static ProcurementInput Requested(ProcurementInput input) => new()
    {
        AgencyId = input.AgencyId,
        Title = input.Title,
        Justification = input.Justification,
        RequestedBy = input.RequestedBy,
        EstimatedCost = input.EstimatedCost,
        Version = input.Version,
    };

    private static ProcurementInput Requested(ProcurementRequest r) => Requested(ProcurementInput.From(r));

    private async Task<Dictionary<string, string[]>?> ValidateAsync(ProcurementInput input, CancellationToken ct, ProcurementRequest? current = null)
    {
        input.Quotes = (input.Quotes ?? []).Select(q => q ?? new QuoteInput()).ToList();
        var errors = Validation.Check(ProcurementInputValidator.Instance, input) ?? [];
        if (input.AgencyId is { } agency && !await db.Agencies.AnyAsync(a => a.Id == agency, ct))
            errors[nameof(ProcurementInput.AgencyId)] = ["Choose an agency from the list."];
        if (input.ApproverPersonId is { } approver && !await db.People.AnyAsync(p => p.Id == approver && p.Kind == PersonKind.ProviderStaff, ct))
            errors[nameof(ProcurementInput.ApproverPersonId)] = ["Choose a member of the provider's staff."];
        for (var i = 0; i < input.Quotes.Count; i++)
        {
            var quote = input.Quotes[i];
            if (quote.IsBlank)
                continue;
            // A row's id and file must be this request's: ids are not a way into another request's records.
            if (quote.Id is not null && (current is null || current.Quotes.All(q => q.Id != quote.Id)))
                errors[$"Quotes[{i}].Vendor"] = ["This quote is not one of this request's."];
            if (quote.AttachmentId is { } file && (current is null || !await db.ProcurementAttachments.AnyAsync(a => a.Id == file && a.RequestId == current.Id, ct)))
                errors[$"Quotes[{i}].AttachmentId"] = ["Choose a file attached to this request."];
        }
        return errors.Count == 0 ? null : errors;
    }

    /// <summary>Attaches a file, once its content is checked; the agency's files are never internal, the staff's are when they say so.</summary>
    public async Task<Result<AttachmentInfo>> AttachAsync(int requestId, string? fileName, byte[] content, bool @internal, CancellationToken ct)
    {
        if (!MaySee)
            return Result<AttachmentInfo>.NotFound();
        var request = await access.FindAsync(db.ProcurementRequests.AsNoTracking(), requestId, ct);
        if (request is null)
            return Result<AttachmentInfo>.NotFound();
        if (!await CanAttachAsync(request, ct))
            return Result<AttachmentInfo>.Forbidden();
        var (file, error) = FileCheck.Check(fileName, content);
        if (file is null)
            return Result<AttachmentInfo>.Invalid("file", error!);
        var attachment = new ProcurementAttachment
        {
            RequestId = requestId,
            AgencyId = request.AgencyId,
            FileName = file.FileName,
            ContentType = file.ContentType,
            Size = file.Content.Length,
            Content = file.Content,
            Sha256 = file.Sha256,
            Internal = @internal && IsInternalReader,
            UploadedAt = clock.UtcNow,
            UploadedByUserId = user.Id,
            UploadedBy = user.DisplayName,
        };
        db.ProcurementAttachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        return Result<AttachmentInfo>.Ok(new AttachmentInfo(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size, attachment.Internal,
            attachment.UploadedAt, attachment.UploadedBy));
    }

    /// <summary>The file, for whoever may see it (an agency user never gets an internal one); each download goes into the audit trail.</summary>
    public async Task<Result<ProcurementAttachment>> DownloadAsync(long id, CancellationToken ct)
    {
        if (!MaySee)
            return Result<ProcurementAttachment>.NotFound();
        var attachment = await db.ProcurementAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (attachment is null || await access.FindAsync(db.ProcurementRequests.AsNoTracking(), attachment.RequestId, ct) is null)
        {
            await access.RecordDenialAsync(nameof(ProcurementAttachment), id.ToString(System.Globalization.CultureInfo.InvariantCulture), "not found or not theirs", ct);
            return Result<ProcurementAttachment>.NotFound();
        }
        await access.RecordEventAsync(AuditActions.Downloaded, nameof(ProcurementAttachment), id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{attachment.FileName} (request {attachment.RequestId})", ct);
        return Result<ProcurementAttachment>.Ok(attachment);
    }
}
