namespace BackendLint.Tests.Support;

/// <summary>
/// A hang detector, not a performance assertion: the work must finish within a generous bound
/// (minutes of CPU used to be the failure), else the test fails instead of blocking the suite.
/// </summary>
public static class Within
{
    public static T Seconds<T>(int seconds, Func<T> work)
    {
        var task = Task.Run(work);
        if (!task.Wait(TimeSpan.FromSeconds(seconds)))
            Assert.Fail($"did not finish within {seconds} s");
        return task.Result;
    }
}
