SERVICE_NAME = "EHCP Helper"


def service(request):
    """Values every page template needs: the service name shown in the header and title."""
    return {"service_name": SERVICE_NAME}
