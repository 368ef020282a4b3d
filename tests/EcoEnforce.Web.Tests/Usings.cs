global using EcoEnforce.Web.Tests.Infrastructure;
