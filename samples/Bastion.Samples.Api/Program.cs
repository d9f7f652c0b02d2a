using System;
using Bastion.Samples.Api;
using Bastion.Samples.Api.Partners;

if (SampleAdmin.IsCommand(args))
{
    return await SampleAdmin.RunAsync(args, Console.Out);
}

SampleApp.Build(args).Run();
return 0;
