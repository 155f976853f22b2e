using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace JobQuality.Web;

/// <summary>
/// Views live in the folder of their controller's feature, named by the controller's namespace:
/// JobQuality.Web.Editor.ContentController finds its views in /Editor/.
/// </summary>
public sealed class FeatureFolders : IViewLocationExpander
{
    private const string Key = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor controller)
        {
            var ns = controller.ControllerTypeInfo.Namespace ?? string.Empty;
            var root = typeof(FeatureFolders).Namespace + ".";
            context.Values[Key] = ns.StartsWith(root, StringComparison.Ordinal) ? ns[root.Length..].Replace('.', '/') : string.Empty;
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue(Key, out var feature) && !string.IsNullOrEmpty(feature)
            ? [$"/{feature}/{{0}}{RazorViewEngine.ViewExtension}", "/Shared/{0}" + RazorViewEngine.ViewExtension]
            : ["/Shared/{0}" + RazorViewEngine.ViewExtension];
}
