using Bastion.Samples.Api;

SampleApp.Build(args).Run();
