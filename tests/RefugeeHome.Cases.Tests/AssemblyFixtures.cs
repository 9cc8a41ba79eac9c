[assembly: AssemblyFixture(typeof(RefugeeHome.Testing.AzuriteFixture))]
