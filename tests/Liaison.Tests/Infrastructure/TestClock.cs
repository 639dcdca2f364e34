namespace Liaison.Tests.Infrastructure;

/// <summary>The app's clock in tests: real time plus an offset a test can move forward.</summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;

    /// <summary>Puts the clock at an instant (it runs on from there).</summary>
    public void Set(DateTimeOffset at) => _offset = at - base.GetUtcNow();
}
