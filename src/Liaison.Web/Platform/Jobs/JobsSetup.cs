using Liaison.Web.Platform.Data;
using Quartz;

namespace Liaison.Web.Platform.Jobs;

/// <summary>
/// Scheduled work runs on Quartz.NET with its ADO.NET job store in Liaison's own database (docs/adr/0010): on PostgreSQL
/// the instances form a cluster, so each firing runs on exactly one of them and a dead instance's work is taken over;
/// on SQLite (one machine) the store is the same, so a job that was due while the app was down runs once when it
/// starts. Quartz creates its tables (QRTZ_*) the first time. Jobs:Enabled=false turns the scheduler off (the tests do,
/// and run the work they need themselves).
/// </summary>
internal static class JobsSetup
{
    public static WebApplicationBuilder AddPlatformJobs(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        builder.Services.AddScoped<Housekeeping>();
        builder.Services.AddRecurringJob<HousekeepingJob>("housekeeping", TimeSpan.FromHours(1));
        if (!config.GetValue("Jobs:Enabled", true))
            return builder;
        var provider = DataSetup.Provider(config);
        var connectionString = DataSetup.ConnectionString(config, builder.Environment);
        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "liaison");
            q.UseDefaultThreadPool(2);
            q.UsePersistentStore(store =>
            {
                if (provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(connectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(config.GetValue("Jobs:CheckinSeconds", 10));
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(config.GetValue("Jobs:CheckinMisfireSeconds", 30));
                    });
                }
                else
                    store.UseSqlite(connectionString);
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
        });
        builder.Services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AwaitApplicationStarted = true;
        });
        return builder;
    }

    /// <summary>
    /// Runs <typeparamref name="TJob"/> every <paramref name="every"/>, measured from the end of the previous run (never
    /// two at once, on any instance), first as soon as the app starts. After a pause (the app was down) it runs once,
    /// not once per missed turn. How a module schedules its work: the same call wherever it is made.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string name, TimeSpan every) where TJob : class, IJob =>
        services.ConfigureAllQuartzSchedulers(q => q.ScheduleJob<TJob>(
            trigger => trigger.WithIdentity(name, "liaison").StartNow().WithSimpleSchedule(s => s
                .WithInterval(every).RepeatForever().MeasureIntervalFromCompletion(true)
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)),
            job => job.WithIdentity(name, "liaison").DisallowConcurrentExecution()));
}
