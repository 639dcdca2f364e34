using Liaison.Web.Platform.Data;

namespace Liaison.Web.Platform.Modules;

/// <summary>
/// Work a module does inside every save, before timestamps, versions and the audit trail are written (for instance,
/// keeping a derived column true whichever use case changed the rows it derives from). Register with
/// <c>services.AddSingleton&lt;ISaveHook, ...&gt;()</c>; the DbContext runs every registered hook.
/// </summary>
internal interface ISaveHook
{
    /// <summary>Brings what the module derives up to date with the pending changes; true when it changed anything.</summary>
    Task<bool> BeforeSaveAsync(LiaisonDbContext db, CancellationToken ct);

    /// <summary>
    /// Whether this save's changes go to the audit trail. Every product hook says yes; only the benchmark's bulk loader
    /// (bench/Liaison.Bench) says no while it writes its synthetic rows.
    /// </summary>
    bool Audits(LiaisonDbContext db) => true;
}
