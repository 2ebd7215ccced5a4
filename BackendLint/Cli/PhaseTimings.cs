using System.Diagnostics;

namespace BackendLint.Cli;

/// <summary>
/// With <c>BACKENDLINT_TIMINGS=1</c>, how long each phase of a run took, printed to stderr at the end:
/// the profile docs/performance.md quotes. Off, it costs one environment lookup.
/// </summary>
public sealed class PhaseTimings
{
    private readonly Stopwatch? _clock;
    private readonly List<(string Phase, double Milliseconds, long Faults, long Allocated, long PeakKiB, string Collections)> _phases = [];
    private double _last;
    private long _lastFaults;
    private long _lastAllocated;

    public PhaseTimings(bool enabled)
    {
        if (!enabled)
            return;
        _clock = Stopwatch.StartNew();
        _lastFaults = MinorFaults();
        _lastAllocated = GC.GetTotalAllocatedBytes();
        _phases.Add(("before Main", SinceProcessStart(), _lastFaults, _lastAllocated, PeakResidentKiB(), Collections()));
    }

    /// <summary>Time since process start, so start-up before Main is visible too.</summary>
    public static double SinceProcessStart() => (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;

    public void Mark(string phase)
    {
        if (_clock is null)
            return;
        var now = _clock.Elapsed.TotalMilliseconds;
        var faults = MinorFaults();
        var allocated = GC.GetTotalAllocatedBytes();
        _phases.Add((phase, now - _last, faults - _lastFaults, allocated - _lastAllocated, PeakResidentKiB(), Collections()));
        _last = now;
        _lastFaults = faults;
        _lastAllocated = allocated;
    }

    // gen0/gen1/gen2 collections so far: which phase pays for a full collection.
    private static string Collections() => $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}";

    // Page faults are what start-up and heap growth cost on small VMs; Linux counts them per process.
    private static long MinorFaults()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[7], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    // The peak resident set so far (VmHWM): which phase sets the process's peak memory.
    private static long PeakResidentKiB()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
        }

        return 0;
    }

    public void Report(TextWriter err)
    {
        if (_clock is null)
            return;
        foreach (var (phase, ms, faults, allocated, peak, collections) in _phases)
            err.WriteLine($"timing: {phase,-24} {ms,8:F1} ms {faults,7} page faults {allocated / 1024.0 / 1024.0,8:F1} MiB allocated {peak / 1024,6} MiB peak after; collections so far {collections}");
        var gc = GC.GetGCMemoryInfo();
        err.WriteLine($"timing: {"total in Main",-24} {_last,8:F1} ms; {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections; working set {Environment.WorkingSet / 1024 / 1024} MiB");
        var budget = GC.GetConfigurationVariables().TryGetValue("GCGen0MaxBudget", out var cap) ? $"{Convert.ToInt64(cap, System.Globalization.CultureInfo.InvariantCulture) / 1024} KiB" : "none";
        err.WriteLine($"timing: GC heap after the last collection {gc.HeapSizeBytes / 1024 / 1024} MiB ({gc.FragmentedBytes / 1024 / 1024} MiB free in it), {gc.TotalCommittedBytes / 1024 / 1024} MiB committed, {gc.PromotedBytes / 1024 / 1024} MiB promoted by it; gen0 budget cap {budget}");
    }
}
