namespace BackendLint.Tests;

public class SmokeTests
{
    [Test]
    public void Catalog_is_not_empty() => Checks.CheckCatalog.All.Should().NotBeEmpty();
}
