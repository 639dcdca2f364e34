namespace Liaison.Web.Features.Renewals.Procurement;

/// <summary>How a request's status reads.</summary>
internal static class ProcurementText
{
    public static string Status(ProcurementStatus status) => status switch
    {
        ProcurementStatus.New => "New",
        ProcurementStatus.Assessing => "Being assessed",
        ProcurementStatus.Quoting => "Getting quotes",
        ProcurementStatus.AwaitingApproval => "Awaiting approval",
        ProcurementStatus.Approved => "Approved",
        ProcurementStatus.Ordered => "Ordered (PO issued)",
        ProcurementStatus.Received => "Received",
        ProcurementStatus.Closed => "Closed",
        ProcurementStatus.Declined => "Declined",
        ProcurementStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };

    public static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    public static string Size(long bytes) => bytes < 1024 ? $"{bytes} bytes" : bytes < 1024 * 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes / 1024.0 / 1024.0:0.#} MB";
}
