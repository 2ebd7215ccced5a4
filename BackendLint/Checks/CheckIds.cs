namespace BackendLint.Checks;

/// <summary>Rule ids, by the file a contributor edits: 0xxx suppressions, 1xxx gallery index, 2xxx build matrix, 3xxx Makefile, 4xxx backend source tree.</summary>
public static class CheckIds
{
    public const string SuppressionUnused = "BL0001";
    public const string SuppressionInvalid = "BL0002";
    public const string GalleryImageMustBeBuilt = "BL1001";
    public const string ImageChannelsMustPair = "BL1002";
    public const string CapabilityMustNameEntry = "BL1003";
    public const string DevelopmentMetaNamesDevelopmentImages = "BL1004";
    public const string DevelopmentChannelComplete = "BL1005";
    public const string PerPlatformFamilyIsMeta = "BL1006";
    public const string OneImagePerTag = "BL1007";
    public const string EntryNamesUnique = "BL1008";
    public const string CapabilityKeyMatchesPlatform = "BL1009";
    public const string BuiltImageMustBeInGallery = "BL2001";
    public const string BuildContextMustMatchMakefile = "BL2002";
    public const string MatrixFieldsMatchTagPlatform = "BL2003";
    public const string TagSuffixBuiltOnce = "BL2004";
    public const string MatrixAndMakefileRegisterSameBackends = "BL2005";
    public const string ChangeFilterKnowsDockerfile = "BL2006";
    public const string DockerfileExists = "BL2007";
    public const string BackendMustBeNotParallel = "BL3001";
    public const string BackendMustBeInDockerBuildBackends = "BL3002";
    public const string DefinitionAndEvalMustPair = "BL3003";
    public const string PreparedBackendMustBeTested = "BL3004";
    public const string BackendDirectoryExists = "BL4001";
    public const string PythonBackendHasStandardFiles = "BL4002";
}
