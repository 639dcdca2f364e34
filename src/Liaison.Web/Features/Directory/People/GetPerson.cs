using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Directory.People;

/// <summary>One person with their agency or unit.</summary>
internal sealed class GetPerson(LiaisonDbContext db, AccessRule access)
{
    public async Task<Result<Person>> HandleAsync(int id, CancellationToken ct)
    {
        var person = await access.FindAsync(db.People.AsNoTracking().Include(p => p.Agency).Include(p => p.OperationalUnit), id, ct);
        if (person is null)
            return Result<Person>.NotFound();
        if (!access.CanSeeInternalNotes)
            person.InternalNotes = null;
        return Result<Person>.Ok(person);
    }
}
