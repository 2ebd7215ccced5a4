using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks;

/// <summary>One rule: its descriptor, the inputs it reads, and a query over the model. A check neither parses, prints nor keeps state.</summary>
public interface ICheck
{
    Rule Rule { get; }

    /// <summary>The sources it reads; it does not run when one of them could not be read.</summary>
    ModelInputs Needs { get; }

    IEnumerable<Finding> Run(BackendModel model);
}
