using System.Text;
using FuseWire.Codec;
using Xunit;

namespace FuseWire.Tests.Codec;

/// <summary>Checks the two extensions a <see cref="RequestSample"/> carries: supplementary groups, then one security context.</summary>
internal static class ExtensionChecks
{
    public static void AssertGroupsAndSecurityContext(FuseRequest request, RequestSample sample)
    {
        FuseExtensionEnumerator extensions = request.EnumerateExtensions();
        Assert.True(extensions.MoveNext());
        FuseExtension groups = extensions.Current;
        Assert.Equal(32u, groups.Type);
        Assert.False(groups.IsSecurityContext);
        Assert.True(groups.TryGetSupplementaryGroups(out System.ReadOnlySpan<uint> ids));
        Assert.Equal(sample.Groups, ids.ToArray());
        Assert.False(groups.EnumerateSecurityContexts().MoveNext());

        Assert.True(extensions.MoveNext());
        FuseExtension secctx = extensions.Current;
        Assert.True(secctx.IsSecurityContext);
        Assert.Equal(1u, secctx.Type);
        Assert.False(secctx.TryGetSupplementaryGroups(out _));
        FuseSecurityContextEnumerator contexts = secctx.EnumerateSecurityContexts();
        Assert.True(contexts.MoveNext());
        Assert.Equal(RequestSample.SecurityName, Encoding.UTF8.GetString(contexts.Current.Name));
        Assert.Equal(sample.SecurityValue, contexts.Current.Value.ToArray());
        Assert.False(contexts.MoveNext());

        Assert.False(extensions.MoveNext());
    }
}
