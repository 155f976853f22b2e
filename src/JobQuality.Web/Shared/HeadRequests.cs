using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace JobQuality.Web.Shared;

/// <summary>
/// Every page that answers GET also answers HEAD (link checkers and uptime monitors ask with
/// HEAD); Kestrel sends the headers and leaves the body out.
/// </summary>
public sealed class HeadRequests : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        foreach (var selector in action.Selectors)
        {
            var get = selector.EndpointMetadata.OfType<HttpMethodMetadata>().FirstOrDefault(m => m.HttpMethods.Contains(HttpMethods.Get));
            if (get is null || get.HttpMethods.Contains(HttpMethods.Head))
            {
                continue;
            }

            string[] methods = [.. get.HttpMethods, HttpMethods.Head];
            selector.EndpointMetadata.Remove(get);
            selector.EndpointMetadata.Add(new HttpMethodMetadata(methods, get.AcceptCorsPreflight));
            var constraint = selector.ActionConstraints.OfType<HttpMethodActionConstraint>().FirstOrDefault();
            if (constraint is not null)
            {
                selector.ActionConstraints.Remove(constraint);
                selector.ActionConstraints.Add(new HttpMethodActionConstraint(methods));
            }
        }
    }
}
