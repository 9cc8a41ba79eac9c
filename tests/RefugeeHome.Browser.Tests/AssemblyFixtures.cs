[assembly: AssemblyFixture(typeof(RefugeeHome.Browser.Tests.ProductInBrowser))]
