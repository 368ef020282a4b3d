using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("EcoEnforce.Receiver.Tests")]
