using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks;

/// <summary>One rule: a descriptor and a query over the model. A check neither parses, prints nor keeps state.</summary>
public interface ICheck
{
    CheckDescriptor Descriptor { get; }

    IEnumerable<Finding> Run(BackendModel model);
}
