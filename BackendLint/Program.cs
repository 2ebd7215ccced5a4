using BackendLint.Cli;

return LintCommand.Execute(args);
